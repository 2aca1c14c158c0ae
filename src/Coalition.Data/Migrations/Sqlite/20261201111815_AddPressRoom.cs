using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPressRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MediaContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RoleRu = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    RoleTg = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    RoleEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NoteRu = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NoteTg = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Listed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressAccessLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PressReleaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientLabel = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OpenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastOpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressAccessLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PressKitItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MediaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaptionRu = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CaptionTg = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CaptionEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Credit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressKitItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PressKitItems_MediaItems_MediaId",
                        column: x => x.MediaId,
                        principalTable: "MediaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PressReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlaceLine = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DocumentsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PhotosJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ContactIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AlertsQueuedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_PressReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PressReleases_ContentRevisions_PendingRevisionId",
                        column: x => x.PendingRevisionId,
                        principalTable: "ContentRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PressSubscribers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnsubscribeStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PressSubscribers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PressAccessLinks_PressReleaseId",
                table: "PressAccessLinks",
                column: "PressReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PressAccessLinks_TokenHash",
                table: "PressAccessLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressKitItems_MediaId",
                table: "PressKitItems",
                column: "MediaId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressRelease_PublicList",
                table: "PressReleases",
                columns: new[] { "Culture", "Status", "PublishedUtc", "Id", "DeletedUtc", "UnpublishUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PressReleases_AlertsQueuedUtc_PublishedUtc",
                table: "PressReleases",
                columns: new[] { "AlertsQueuedUtc", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PressReleases_Culture_Slug",
                table: "PressReleases",
                columns: new[] { "Culture", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressReleases_DeletedUtc",
                table: "PressReleases",
                column: "DeletedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PressReleases_PendingRevisionId",
                table: "PressReleases",
                column: "PendingRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PressReleases_TranslationGroupId_Culture",
                table: "PressReleases",
                columns: new[] { "TranslationGroupId", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PressSubscribers_ConfirmTokenHash",
                table: "PressSubscribers",
                column: "ConfirmTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_PressSubscribers_Culture_ConfirmedUtc",
                table: "PressSubscribers",
                columns: new[] { "Culture", "ConfirmedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PressSubscribers_Email_Culture",
                table: "PressSubscribers",
                columns: new[] { "Email", "Culture" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediaContacts");

            migrationBuilder.DropTable(
                name: "PressAccessLinks");

            migrationBuilder.DropTable(
                name: "PressKitItems");

            migrationBuilder.DropTable(
                name: "PressReleases");

            migrationBuilder.DropTable(
                name: "PressSubscribers");
        }
    }
}
