using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LegalAid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LegalAidKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RetiredUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublicKey = table.Column<byte[]>(type: "varbinary(512)", maxLength: 512, nullable: false),
                    EncryptedPrivateKey = table.Column<byte[]>(type: "varbinary(1024)", maxLength: 1024, nullable: false),
                    Salt = table.Column<byte[]>(type: "varbinary(64)", maxLength: 64, nullable: false),
                    Iterations = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalAidKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalAidRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KeyId = table.Column<int>(type: "int", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "varbinary(512)", maxLength: 512, nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "varbinary(max)", maxLength: 65536, nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    FirstOpenedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AssignedToUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalAidRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalAidRequests_LegalAidKeys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "LegalAidKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegalAidNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    KeyId = table.Column<int>(type: "int", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "varbinary(512)", maxLength: 512, nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "varbinary(max)", maxLength: 65536, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AuthorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalAidNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalAidNotes_LegalAidKeys_KeyId",
                        column: x => x.KeyId,
                        principalTable: "LegalAidKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LegalAidNotes_LegalAidRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "LegalAidRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegalAidNotes_KeyId",
                table: "LegalAidNotes",
                column: "KeyId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalAidNotes_RequestId_CreatedUtc",
                table: "LegalAidNotes",
                columns: new[] { "RequestId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalAidRequests_ClosedUtc",
                table: "LegalAidRequests",
                column: "ClosedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LegalAidRequests_KeyId",
                table: "LegalAidRequests",
                column: "KeyId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalAidRequests_Status_ReceivedUtc",
                table: "LegalAidRequests",
                columns: new[] { "Status", "ReceivedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LegalAidNotes");

            migrationBuilder.DropTable(
                name: "LegalAidRequests");

            migrationBuilder.DropTable(
                name: "LegalAidKeys");
        }
    }
}
