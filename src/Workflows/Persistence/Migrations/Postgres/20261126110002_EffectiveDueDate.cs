using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EffectiveDueDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_DueOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_QueuePriority_DueOn_Id",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_State_DueOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_State_QueuePriority_DueOn_Id",
                table: "Requests");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveDueOn",
                table: "Requests",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Existing requests: the extended date where the deadline was extended, else the original one.
            migrationBuilder.Sql("""UPDATE "Requests" SET "EffectiveDueOn" = COALESCE("ExtendedDueOn", "DueOn");""");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_EffectiveDueOn",
                table: "Requests",
                column: "EffectiveDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_QueuePriority_EffectiveDueOn_Id",
                table: "Requests",
                columns: new[] { "QueuePriority", "EffectiveDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_EffectiveDueOn",
                table: "Requests",
                columns: new[] { "State", "EffectiveDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_QueuePriority_EffectiveDueOn_Id",
                table: "Requests",
                columns: new[] { "State", "QueuePriority", "EffectiveDueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_EffectiveDueOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_QueuePriority_EffectiveDueOn_Id",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_State_EffectiveDueOn",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_State_QueuePriority_EffectiveDueOn_Id",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "EffectiveDueOn",
                table: "Requests");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_DueOn",
                table: "Requests",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_QueuePriority_DueOn_Id",
                table: "Requests",
                columns: new[] { "QueuePriority", "DueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_DueOn",
                table: "Requests",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_QueuePriority_DueOn_Id",
                table: "Requests",
                columns: new[] { "State", "QueuePriority", "DueOn", "Id" });
        }
    }
}
