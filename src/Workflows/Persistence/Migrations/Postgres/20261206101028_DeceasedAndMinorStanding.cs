using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeceasedAndMinorStanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Deceased_HigherPriorityPersonExists",
                table: "Requests",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Deceased_LettersOfOfficeProvided",
                table: "Requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Deceased_PatientObjectedInWriting",
                table: "Requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Deceased_PowerOfAttorneyContinuesAfterDeath",
                table: "Requests",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Deceased_Relation",
                table: "Requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Minor_Finding",
                table: "Requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Minor_MinorSignedMentalHealthConsent",
                table: "Requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Minor_Objection",
                table: "Requests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Deceased_HigherPriorityPersonExists",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Deceased_LettersOfOfficeProvided",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Deceased_PatientObjectedInWriting",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Deceased_PowerOfAttorneyContinuesAfterDeath",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Deceased_Relation",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Minor_Finding",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Minor_MinorSignedMentalHealthConsent",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Minor_Objection",
                table: "Requests");
        }
    }
}
