using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MediaLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CoverMediaId",
                table: "NewsArticles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CoverMediaId",
                table: "ContentRevisions",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MediaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Format = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(1200)", maxLength: 1200, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "int", nullable: true),
                    Height = table.Column<int>(type: "int", nullable: true),
                    VariantWidths = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    AltRu = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    AltTg = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    AltEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    IsDecorative = table.Column<bool>(type: "bit", nullable: false),
                    RemovedMetadata = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DownloadCount = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticles_CoverMediaId",
                table: "NewsArticles",
                column: "CoverMediaId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_Kind_CreatedUtc",
                table: "MediaItems",
                columns: new[] { "Kind", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_StorageKey",
                table: "MediaItems",
                column: "StorageKey",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_NewsArticles_MediaItems_CoverMediaId",
                table: "NewsArticles",
                column: "CoverMediaId",
                principalTable: "MediaItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_NewsArticles_MediaItems_CoverMediaId",
                table: "NewsArticles");

            migrationBuilder.DropTable(
                name: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_NewsArticles_CoverMediaId",
                table: "NewsArticles");

            migrationBuilder.DropColumn(
                name: "CoverMediaId",
                table: "NewsArticles");

            migrationBuilder.DropColumn(
                name: "CoverMediaId",
                table: "ContentRevisions");
        }
    }
}
