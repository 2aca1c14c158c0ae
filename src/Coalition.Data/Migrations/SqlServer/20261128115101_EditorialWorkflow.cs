using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EditorialWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedUtc",
                table: "Pages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingRevisionId",
                table: "Pages",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnpublishUtc",
                table: "Pages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedUtc",
                table: "NewsArticles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PendingRevisionId",
                table: "NewsArticles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnpublishUtc",
                table: "NewsArticles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContentRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContentType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ItemId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RestoredFrom = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ShareLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ItemId = table.Column<int>(type: "int", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pages_DeletedUtc",
                table: "Pages",
                column: "DeletedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Pages_PendingRevisionId",
                table: "Pages",
                column: "PendingRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticles_DeletedUtc",
                table: "NewsArticles",
                column: "DeletedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticles_PendingRevisionId",
                table: "NewsArticles",
                column: "PendingRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentRevisions_ContentType_ItemId_Number",
                table: "ContentRevisions",
                columns: new[] { "ContentType", "ItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShareLinks_ContentType_ItemId",
                table: "ShareLinks",
                columns: new[] { "ContentType", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareLinks_TokenHash",
                table: "ShareLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_NewsArticles_ContentRevisions_PendingRevisionId",
                table: "NewsArticles",
                column: "PendingRevisionId",
                principalTable: "ContentRevisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Pages_ContentRevisions_PendingRevisionId",
                table: "Pages",
                column: "PendingRevisionId",
                principalTable: "ContentRevisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_NewsArticles_ContentRevisions_PendingRevisionId",
                table: "NewsArticles");

            migrationBuilder.DropForeignKey(
                name: "FK_Pages_ContentRevisions_PendingRevisionId",
                table: "Pages");

            migrationBuilder.DropTable(
                name: "ContentRevisions");

            migrationBuilder.DropTable(
                name: "ShareLinks");

            migrationBuilder.DropIndex(
                name: "IX_Pages_DeletedUtc",
                table: "Pages");

            migrationBuilder.DropIndex(
                name: "IX_Pages_PendingRevisionId",
                table: "Pages");

            migrationBuilder.DropIndex(
                name: "IX_NewsArticles_DeletedUtc",
                table: "NewsArticles");

            migrationBuilder.DropIndex(
                name: "IX_NewsArticles_PendingRevisionId",
                table: "NewsArticles");

            migrationBuilder.DropColumn(
                name: "DeletedUtc",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "PendingRevisionId",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "UnpublishUtc",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "DeletedUtc",
                table: "NewsArticles");

            migrationBuilder.DropColumn(
                name: "PendingRevisionId",
                table: "NewsArticles");

            migrationBuilder.DropColumn(
                name: "UnpublishUtc",
                table: "NewsArticles");
        }
    }
}
