using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestFormFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Information_NeededBy",
                table: "Requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Patient_PrimaryCareProvider",
                table: "Requests",
                type: "character varying(860)",
                maxLength: 860,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Patient_SecondPhone",
                table: "Requests",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipient_Fax",
                table: "Requests",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipient_Phone",
                table: "Requests",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recipient_PickupBy",
                table: "Requests",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Information_NeededBy",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Patient_PrimaryCareProvider",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Patient_SecondPhone",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Recipient_Fax",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Recipient_Phone",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "Recipient_PickupBy",
                table: "Requests");
        }
    }
}
