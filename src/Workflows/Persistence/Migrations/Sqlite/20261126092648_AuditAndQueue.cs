using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAndQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PatientNameKey",
                table: "Requests",
                type: "TEXT",
                maxLength: 210,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "QueuePriority",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_PatientNameKey",
                table: "Requests",
                column: "PatientNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_QueuePriority_DueOn_Id",
                table: "Requests",
                columns: new[] { "QueuePriority", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_QueuePriority_DueOn_Id",
                table: "Requests",
                columns: new[] { "State", "QueuePriority", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_At",
                table: "Audit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Audit_RequestId_At",
                table: "Audit",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_UserName_At",
                table: "Audit",
                columns: new[] { "UserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropIndex(
                name: "IX_Requests_PatientNameKey",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_QueuePriority_DueOn_Id",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_State_QueuePriority_DueOn_Id",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PatientNameKey",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "QueuePriority",
                table: "Requests");
        }
    }
}
