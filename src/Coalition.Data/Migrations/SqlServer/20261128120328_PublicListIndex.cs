using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PublicListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Pages_Culture_Status_PublishedUtc",
                table: "Pages");

            migrationBuilder.DropIndex(
                name: "IX_NewsArticles_Culture_Status_PublishedUtc",
                table: "NewsArticles");

            migrationBuilder.CreateIndex(
                name: "IX_Page_PublicList",
                table: "Pages",
                columns: new[] { "Culture", "Status", "PublishedUtc", "Id", "DeletedUtc", "UnpublishUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticle_PublicList",
                table: "NewsArticles",
                columns: new[] { "Culture", "Status", "PublishedUtc", "Id", "DeletedUtc", "UnpublishUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Page_PublicList",
                table: "Pages");

            migrationBuilder.DropIndex(
                name: "IX_NewsArticle_PublicList",
                table: "NewsArticles");

            migrationBuilder.CreateIndex(
                name: "IX_Pages_Culture_Status_PublishedUtc",
                table: "Pages",
                columns: new[] { "Culture", "Status", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticles_Culture_Status_PublishedUtc",
                table: "NewsArticles",
                columns: new[] { "Culture", "Status", "PublishedUtc" });
        }
    }
}
