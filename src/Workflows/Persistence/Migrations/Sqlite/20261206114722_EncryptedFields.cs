using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Sqlite
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

            migrationBuilder.AddColumn<string>(
                name: "Patient_DateOfBirthHash",
                table: "Requests",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Patient_MedicalRecordNumberHash",
                table: "Requests",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientDateOfBirthHash",
                table: "Disclosures",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientMedicalRecordNumberHash",
                table: "Disclosures",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EncryptionKeys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
