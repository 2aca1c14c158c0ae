using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CoverMediaId",
                table: "ContentRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MediaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    VariantWidths = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AltRu = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AltTg = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AltEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsDecorative = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedMetadata = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DownloadCount = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
