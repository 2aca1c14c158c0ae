using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CampaignGroupId",
                table: "NewsArticles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ThemeLine = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CoverMediaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Materials = table.Column<string>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    TranslationGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnpublishUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PendingRevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContentChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TranslatedFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    MediaRefs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_ContentRevisions_PendingRevisionId",
                        column: x => x.PendingRevisionId,
                        principalTable: "ContentRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Campaigns_MediaItems_CoverMediaId",
                        column: x => x.CoverMediaId,
                        principalTable: "MediaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Town = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsArticles_CampaignGroupId_Culture_PublishedUtc",
                table: "NewsArticles",
                columns: new[] { "CampaignGroupId", "Culture", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaign_PublicList",
                table: "Campaigns",
                columns: new[] { "Culture", "Status", "PublishedUtc", "Id", "DeletedUtc", "UnpublishUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CoverMediaId",
                table: "Campaigns",
                column: "CoverMediaId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Culture_Slug",
                table: "Campaigns",
                columns: new[] { "Culture", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Culture_WindowStartUtc_WindowEndUtc",
                table: "Campaigns",
                columns: new[] { "Culture", "WindowStartUtc", "WindowEndUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Culture_Year_Day",
                table: "Campaigns",
                columns: new[] { "Culture", "Year", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_DeletedUtc",
                table: "Campaigns",
                column: "DeletedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_PendingRevisionId",
                table: "Campaigns",
                column: "PendingRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_TranslationGroupId_Culture",
                table: "Campaigns",
                columns: new[] { "TranslationGroupId", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportMessages_CampaignGroupId_Status_CreatedUtc",
                table: "SupportMessages",
                columns: new[] { "CampaignGroupId", "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportMessages_Status_CreatedUtc",
                table: "SupportMessages",
                columns: new[] { "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportMessages_Status_DecidedUtc",
                table: "SupportMessages",
                columns: new[] { "Status", "DecidedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "SupportMessages");

            migrationBuilder.DropIndex(
                name: "IX_NewsArticles_CampaignGroupId_Culture_PublishedUtc",
                table: "NewsArticles");

            migrationBuilder.DropColumn(
                name: "CampaignGroupId",
                table: "NewsArticles");
        }
    }
}
