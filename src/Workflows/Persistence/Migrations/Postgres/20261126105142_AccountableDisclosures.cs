using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountableDisclosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Disclosures_Requests_RequestId",
                table: "Disclosures");

            migrationBuilder.AlterColumn<Guid>(
                name: "RequestId",
                table: "Disclosures",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "LegalBasis",
                table: "Disclosures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PatientDateOfBirth",
                table: "Disclosures",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientFirstName",
                table: "Disclosures",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientLastName",
                table: "Disclosures",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientMedicalRecordNumber",
                table: "Disclosures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientNameKey",
                table: "Disclosures",
                type: "character varying(210)",
                maxLength: 210,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Patient_MedicalRecordNumber",
                table: "Requests",
                column: "Patient_MedicalRecordNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PatientMedicalRecordNumber",
                table: "Disclosures",
                column: "PatientMedicalRecordNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PatientNameKey_PatientDateOfBirth",
                table: "Disclosures",
                columns: new[] { "PatientNameKey", "PatientDateOfBirth" });

            migrationBuilder.AddForeignKey(
                name: "FK_Disclosures_Requests_RequestId",
                table: "Disclosures",
                column: "RequestId",
                principalTable: "Requests",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Disclosures_Requests_RequestId",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Patient_MedicalRecordNumber",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PatientMedicalRecordNumber",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PatientNameKey_PatientDateOfBirth",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "LegalBasis",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "PatientDateOfBirth",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "PatientFirstName",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "PatientLastName",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "PatientMedicalRecordNumber",
                table: "Disclosures");

            migrationBuilder.DropColumn(
                name: "PatientNameKey",
                table: "Disclosures");

            migrationBuilder.AlterColumn<Guid>(
                name: "RequestId",
                table: "Disclosures",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Disclosures_Requests_RequestId",
                table: "Disclosures",
                column: "RequestId",
                principalTable: "Requests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
