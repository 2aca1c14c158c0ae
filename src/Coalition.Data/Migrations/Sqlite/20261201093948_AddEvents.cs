using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coalition.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventRegistrationLists",
                columns: table => new
                {
                    EventGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrationLists", x => x.EventGroupId);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    City = table.Column<int>(type: "INTEGER", nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EventLanguage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationClosesUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Trainers = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_ContentRevisions_PendingRevisionId",
                        column: x => x.PendingRevisionId,
                        principalTable: "ContentRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JobRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LanguageNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AccessibilityNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CancelTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PersonalDataDeletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_EventRegistrationLists_EventGroupId",
                        column: x => x.EventGroupId,
                        principalTable: "EventRegistrationLists",
                        principalColumn: "EventGroupId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_CancelTokenHash",
                table: "EventRegistrations",
                column: "CancelTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventGroupId_EmailKey",
                table: "EventRegistrations",
                columns: new[] { "EventGroupId", "EmailKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventGroupId_Status_Sequence",
                table: "EventRegistrations",
                columns: new[] { "EventGroupId", "Status", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Event_PublicList",
                table: "Events",
                columns: new[] { "Culture", "Status", "PublishedUtc", "Id", "DeletedUtc", "UnpublishUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Culture_Slug",
                table: "Events",
                columns: new[] { "Culture", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_Culture_StartUtc",
                table: "Events",
                columns: new[] { "Culture", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_DeletedUtc",
                table: "Events",
                column: "DeletedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Events_EndUtc",
                table: "Events",
                column: "EndUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Events_PendingRevisionId",
                table: "Events",
                column: "PendingRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_TranslationGroupId_Culture",
                table: "Events",
                columns: new[] { "TranslationGroupId", "Culture" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "EventRegistrationLists");
        }
    }
}
