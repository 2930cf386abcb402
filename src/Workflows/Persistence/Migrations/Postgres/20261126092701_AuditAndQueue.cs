using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
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
                type: "character varying(210)",
                maxLength: 210,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "QueuePriority",
                table: "Requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
