using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PersonalDataRemovedAt",
                table: "Requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetentionStage",
                table: "Requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Kept");

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    StartedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    YearsAfterClosure = table.Column<int>(type: "integer", nullable: false),
                    AuditYears = table.Column<int>(type: "integer", nullable: false),
                    ClosedBefore = table.Column<DateOnly>(type: "date", nullable: false),
                    AccountingSince = table.Column<DateOnly>(type: "date", nullable: false),
                    AuditBefore = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestsReduced = table.Column<int>(type: "integer", nullable: false),
                    RequestsKeptForAccounting = table.Column<int>(type: "integer", nullable: false),
                    DocumentsRemoved = table.Column<int>(type: "integer", nullable: false),
                    MailingBatchesRemoved = table.Column<int>(type: "integer", nullable: false),
                    AuditRowsRemoved = table.Column<int>(type: "integer", nullable: false),
                    RequestsSkipped = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRunItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrackingNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DocumentsRemoved = table.Column<int>(type: "integer", nullable: false),
                    FilesToDelete = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FilesDeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRunItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetentionRunItems_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RetentionRunItems_RetentionRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "RetentionRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_RetentionStage_ClosedAt",
                table: "Requests",
                columns: new[] { "RetentionStage", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRunItems_RequestId",
                table: "RetentionRunItems",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRunItems_RunId",
                table: "RetentionRunItems",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_StartedAt",
                table: "RetentionRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionRunItems");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropIndex(
                name: "IX_Requests_RetentionStage_ClosedAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PersonalDataRemovedAt",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "RetentionStage",
                table: "Requests");
        }
    }
}
