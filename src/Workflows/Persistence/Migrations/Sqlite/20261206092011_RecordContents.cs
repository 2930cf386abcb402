using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecordContents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CategoriesPresent",
                table: "Requests",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "ContentsRecorded",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "WithheldReasons",
                table: "Requests",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "WitnessSignature",
                table: "RequestConsents",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CategoriesPresent",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ContentsRecorded",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "WithheldReasons",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "WitnessSignature",
                table: "RequestConsents");
        }
    }
}
