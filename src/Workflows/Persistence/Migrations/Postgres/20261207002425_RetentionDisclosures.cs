using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RetentionDisclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DisclosuresReduced",
                table: "RetentionRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisclosuresReduced",
                table: "RetentionRuns");
        }
    }
}
