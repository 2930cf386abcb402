using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EncryptedFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Patient_DateOfBirth",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Patient_LastName_Patient_DateOfBirth",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Patient_MedicalRecordNumber",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PatientMedicalRecordNumber",
                table: "Disclosures");

            migrationBuilder.DropIndex(
                name: "IX_Disclosures_PatientNameKey_PatientDateOfBirth",
                table: "Disclosures");

            // Dates become their text (yyyy-MM-dd, whatever the server's DateStyle) and the missing-items array JSON: the form
            // the values are encrypted from. Start-up then encrypts every value stored before (see EncryptedColumns).
            migrationBuilder.Sql("""ALTER TABLE "Requests" ALTER COLUMN "Patient_DateOfBirth" TYPE character varying(100) USING to_char("Patient_DateOfBirth", 'YYYY-MM-DD');""");
            migrationBuilder.Sql("""ALTER TABLE "Requests" ALTER COLUMN "Patient_DateOfDeath" TYPE character varying(100) USING to_char("Patient_DateOfDeath", 'YYYY-MM-DD');""");
            migrationBuilder.Sql("""ALTER TABLE "Disclosures" ALTER COLUMN "PatientDateOfBirth" TYPE character varying(100) USING to_char("PatientDateOfBirth", 'YYYY-MM-DD');""");
            migrationBuilder.Sql("""ALTER TABLE "Requests" ALTER COLUMN "MissingElements" TYPE character varying(16060) USING array_to_json("MissingElements")::text;""");

            migrationBuilder.AlterColumn<string>(
                name: "Signature_SignerIpAddress",
                table: "Requests",
                type: "character varying(316)",
                maxLength: 316,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Requester_Phone",
                table: "Requests",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Requester_Email",
                table: "Requests",
                type: "character varying(1076)",
                maxLength: 1076,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Requester_AuthorityDescription",
                table: "Requests",
                type: "character varying(2060)",
                maxLength: 2060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Recipient_Email",
                table: "Requests",
                type: "character varying(1076)",
                maxLength: 1076,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Recipient_Address_PostalCode",
                table: "Requests",
                type: "character varying(140)",
                maxLength: 140,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Recipient_Address_Line2",
                table: "Requests",
                type: "character varying(860)",
                maxLength: 860,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Recipient_Address_Line1",
                table: "Requests",
                type: "character varying(860)",
                maxLength: 860,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Recipient_Address_City",
                table: "Requests",
                type: "character varying(460)",
                maxLength: 460,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "PurposeDetail",
                table: "Requests",
                type: "character varying(1260)",
                maxLength: 1260,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PickupArrangedWith",
                table: "Requests",
                type: "character varying(1260)",
                maxLength: 1260,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_Phone",
                table: "Requests",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_MedicalRecordNumber",
                table: "Requests",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_FormerNames",
                table: "Requests",
                type: "character varying(1260)",
                maxLength: 1260,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_Email",
                table: "Requests",
                type: "character varying(1076)",
                maxLength: 1076,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_Address_PostalCode",
                table: "Requests",
                type: "character varying(140)",
                maxLength: 140,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_Address_Line2",
                table: "Requests",
                type: "character varying(860)",
                maxLength: 860,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_Address_Line1",
                table: "Requests",
                type: "character varying(860)",
                maxLength: 860,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Patient_Address_City",
                table: "Requests",
                type: "character varying(460)",
                maxLength: 460,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Information_Description",
                table: "Requests",
                type: "character varying(8060)",
                maxLength: 8060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FeeWaivedReason",
                table: "Requests",
                type: "character varying(4060)",
                maxLength: 4060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ExtensionReason",
                table: "Requests",
                type: "character varying(4060)",
                maxLength: 4060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ExpiryEvent",
                table: "Requests",
                type: "character varying(1260)",
                maxLength: 1260,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "DenialBasis",
                table: "Requests",
                type: "character varying(4060)",
                maxLength: 4060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CancellationReason",
                table: "Requests",
                type: "character varying(4060)",
                maxLength: 4060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Patient_DateOfBirthHash",
                table: "Requests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Patient_MedicalRecordNumberHash",
                table: "Requests",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Facts",
                table: "Outbox",
                type: "character varying(32060)",
                maxLength: 32060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8000)",
                oldMaxLength: 8000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "Notes",
                type: "character varying(16060)",
                maxLength: 16060,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "Inputs",
                table: "Journal",
                type: "character varying(16060)",
                maxLength: 16060,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Journal",
                type: "character varying(8060)",
                maxLength: 8060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FileName",
                table: "Documents",
                type: "character varying(1080)",
                maxLength: 1080,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            migrationBuilder.AlterColumn<string>(
                name: "RecipientAddress",
                table: "Disclosures",
                type: "character varying(2060)",
                maxLength: 2060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Purpose",
                table: "Disclosures",
                type: "character varying(2060)",
                maxLength: 2060,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "PatientMedicalRecordNumber",
                table: "Disclosures",
                type: "character varying(220)",
                maxLength: 220,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Disclosures",
                type: "character varying(4060)",
                maxLength: 4060,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AddColumn<string>(
                name: "PatientDateOfBirthHash",
                table: "Disclosures",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientMedicalRecordNumberHash",
                table: "Disclosures",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Audit",
                type: "character varying(1660)",
                maxLength: 1660,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Outcome",
                table: "Audit",
                type: "character varying(4060)",
                maxLength: 4060,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "EncryptionKeys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EncryptionKeys", x => x.KeyId);
                });

            // Values stored before this migration are plain until start-up has encrypted them.
            migrationBuilder.InsertData(table: "EncryptionKeys", column: "KeyId", value: "plaintext");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Patient_DateOfBirthHash",
                table: "Requests",
                column: "Patient_DateOfBirthHash");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Patient_MedicalRecordNumberHash",
                table: "Requests",
                column: "Patient_MedicalRecordNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PatientMedicalRecordNumberHash",
                table: "Disclosures",
                column: "PatientMedicalRecordNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PatientNameKey_PatientDateOfBirthHash",
                table: "Disclosures",
                columns: new[] { "PatientNameKey", "PatientDateOfBirthHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The values are encrypted: the columns cannot go back to their plain types. Restore a backup made before.
            throw new NotSupportedException("EncryptedFields cannot be undone: the columns hold encrypted values. Restore a backup made before it.");
        }
    }
}
