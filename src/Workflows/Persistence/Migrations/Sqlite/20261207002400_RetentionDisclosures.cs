using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
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
