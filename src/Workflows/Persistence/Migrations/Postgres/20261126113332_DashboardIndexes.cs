using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Requests_QueuePriority_ClosedAt",
                table: "Requests",
                columns: new[] { "QueuePriority", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_ClosedAt",
                table: "Requests",
                columns: new[] { "State", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ReceivedAt",
                table: "Payments",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Journal_ToState_OccurredAt",
                table: "Journal",
                columns: new[] { "ToState", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_QueuePriority_ClosedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_State_ClosedAt",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Payments_ReceivedAt",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Journal_ToState_OccurredAt",
                table: "Journal");
        }
    }
}
