using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentDefinitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MediaRefs",
                table: "Pages",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaRefs",
                table: "NewsArticles",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FieldsJson",
                table: "ContentRevisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaRefs",
                table: "ContentRevisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "EntityType", "OccurredUtc" });

            // Revisions kept the cover in a column of its own; it now travels with the type's other fields.
            migrationBuilder.Sql("""
                UPDATE ContentRevisions SET FieldsJson = '{"CoverMediaId":' || CoverMediaId || '}', MediaRefs = '|' || CoverMediaId || '|' WHERE CoverMediaId IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                UPDATE NewsArticles SET MediaRefs = '|' || CoverMediaId || '|' WHERE CoverMediaId IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "CoverMediaId",
                table: "ContentRevisions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_OccurredUtc",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "MediaRefs",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "MediaRefs",
                table: "NewsArticles");

            migrationBuilder.DropColumn(
                name: "FieldsJson",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "MediaRefs",
                table: "ContentRevisions");

            migrationBuilder.AddColumn<int>(
                name: "CoverMediaId",
                table: "ContentRevisions",
                type: "INTEGER",
                nullable: true);
        }
    }
}
