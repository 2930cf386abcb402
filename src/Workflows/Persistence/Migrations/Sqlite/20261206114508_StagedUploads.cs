using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StagedUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClientUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedUploads",
                columns: table => new
                {
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WizardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StagedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedUploads", x => x.StorageKey);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_StorageKey",
                table: "Documents",
                column: "StorageKey");

            migrationBuilder.CreateIndex(
                name: "IX_ClientUploads_At",
                table: "ClientUploads",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ClientUploads_ClientAddress_At",
                table: "ClientUploads",
                columns: new[] { "ClientAddress", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_StagedUploads_LastSeenAt",
                table: "StagedUploads",
                column: "LastSeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_StagedUploads_WizardId",
                table: "StagedUploads",
                column: "WizardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientUploads");

            migrationBuilder.DropTable(
                name: "StagedUploads");

            migrationBuilder.DropIndex(
                name: "IX_Documents_StorageKey",
                table: "Documents");
        }
    }
}
