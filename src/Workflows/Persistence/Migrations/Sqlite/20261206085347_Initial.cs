using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "LifecycleDefinitions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifecycleDefinitions", x => new { x.Name, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Patient_FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Patient_MiddleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Patient_LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Patient_FormerNames = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Patient_DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Patient_MedicalRecordNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Patient_Address_Line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Patient_Address_Line2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Patient_Address_City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Patient_Address_State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Patient_Address_PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Patient_Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Patient_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Patient_IsDeceased = table.Column<bool>(type: "INTEGER", nullable: false),
                    Patient_DateOfDeath = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Requester_Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Requester_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Requester_Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Requester_Authority = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Requester_AuthorityDescription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Requester_Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Requester_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Recipient_Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recipient_Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipient_Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Recipient_Address_Line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipient_Address_Line2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Recipient_Address_City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Recipient_Address_State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recipient_Address_PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Recipient_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Locations = table.Column<string>(type: "TEXT", nullable: false),
                    OtherFacilityName = table.Column<string>(type: "TEXT", nullable: true),
                    Information_From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Information_To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Information_AllRecords = table.Column<bool>(type: "INTEGER", nullable: false),
                    Information_RecordTypes = table.Column<string>(type: "TEXT", nullable: false),
                    Information_Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnencryptedEmailRiskAccepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PurposeDetail = table.Column<string>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiryEvent = table.Column<string>(type: "TEXT", nullable: true),
                    RequiredStatementsPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Signature_SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Signature_SignerRelationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Signature_SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Signature_ElectronicSignature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Signature_ElectronicallySignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Signature_SignerIpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionReason = table.Column<string>(type: "TEXT", nullable: true),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Pages_Paper = table.Column<int>(type: "INTEGER", nullable: false),
                    Pages_Electronic = table.Column<int>(type: "INTEGER", nullable: false),
                    Pages_Microfiche = table.Column<int>(type: "INTEGER", nullable: false),
                    Pages_Film = table.Column<int>(type: "INTEGER", nullable: false),
                    Postage = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PatientNameKey = table.Column<string>(type: "TEXT", maxLength: 210, nullable: false),
                    EffectiveDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DefinitionName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    StateSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuePriority = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JournalSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecisionSummary = table.Column<string>(type: "TEXT", nullable: true),
                    MissingElements = table.Column<string>(type: "TEXT", nullable: false),
                    WithheldCategories = table.Column<string>(type: "TEXT", nullable: false),
                    DecisionRuleSetVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    FeeTotal = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    FeeRuleSetVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    FeeWaivedReason = table.Column<string>(type: "TEXT", nullable: true),
                    CompiledBy = table.Column<string>(type: "TEXT", nullable: true),
                    DenialBasis = table.Column<string>(type: "TEXT", nullable: true),
                    DenialReviewable = table.Column<bool>(type: "INTEGER", nullable: true),
                    RedirectTo = table.Column<string>(type: "TEXT", nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", nullable: true),
                    PickupAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PickupArrangedWith = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleSetChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSetChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleSets",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Files = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSets", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "Disclosures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisclosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RecipientAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequiredInAccounting = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PatientLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PatientFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PatientDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PatientMedicalRecordNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PatientNameKey = table.Column<string>(type: "TEXT", maxLength: 210, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosures_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GuardResults = table.Column<string>(type: "TEXT", nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", nullable: false),
                    RuleSetVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Journal_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notes_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IncidentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IncidentReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DismissedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DismissedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DismissReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outbox_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    CheckNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestConsents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    WitnessName = table.Column<string>(type: "TEXT", nullable: true),
                    WitnessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestConsents_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestFeeLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestFeeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestFeeLines_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Timers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Anchor = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StateSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Timers_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CodeExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CodeAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastDownloadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DownloadCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalGrants_Outbox_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "Outbox",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PortalGrants_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_At",
                table: "Audit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Audit_RequestId_At",
                table: "Audit",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_UserName_At",
                table: "Audit",
                columns: new[] { "UserName", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PatientMedicalRecordNumber",
                table: "Disclosures",
                column: "PatientMedicalRecordNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_PatientNameKey_PatientDateOfBirth",
                table: "Disclosures",
                columns: new[] { "PatientNameKey", "PatientDateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosures_RequestId_DisclosedAt",
                table: "Disclosures",
                columns: new[] { "RequestId", "DisclosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_RequestId",
                table: "Documents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Journal_RequestId_Sequence",
                table: "Journal",
                columns: new[] { "RequestId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Journal_ToState_OccurredAt",
                table: "Journal",
                columns: new[] { "ToState", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notes_RequestId",
                table: "Notes",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ProcessedAt_IncidentAt_CreatedAt",
                table: "Outbox",
                columns: new[] { "ProcessedAt", "IncidentAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_RequestId",
                table: "Outbox",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ReceivedAt",
                table: "Payments",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_RequestId",
                table: "Payments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalGrants_OutboxMessageId",
                table: "PortalGrants",
                column: "OutboxMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalGrants_RequestId",
                table: "PortalGrants",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalGrants_TokenHash",
                table: "PortalGrants",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestConsents_RequestId",
                table: "RequestConsents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestFeeLines_RequestId",
                table: "RequestFeeLines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_AssigneeId_State",
                table: "Requests",
                columns: new[] { "AssigneeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_EffectiveDueOn",
                table: "Requests",
                column: "EffectiveDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Patient_DateOfBirth",
                table: "Requests",
                column: "Patient_DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Patient_LastName_Patient_DateOfBirth",
                table: "Requests",
                columns: new[] { "Patient_LastName", "Patient_DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Patient_MedicalRecordNumber",
                table: "Requests",
                column: "Patient_MedicalRecordNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_PatientNameKey",
                table: "Requests",
                column: "PatientNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_QueuePriority_ClosedAt",
                table: "Requests",
                columns: new[] { "QueuePriority", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_QueuePriority_EffectiveDueOn_Id",
                table: "Requests",
                columns: new[] { "QueuePriority", "EffectiveDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_ReceivedOn_Id",
                table: "Requests",
                columns: new[] { "ReceivedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Requester_Type",
                table: "Requests",
                column: "Requester_Type");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_ClosedAt",
                table: "Requests",
                columns: new[] { "State", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_EffectiveDueOn",
                table: "Requests",
                columns: new[] { "State", "EffectiveDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_State_QueuePriority_EffectiveDueOn_Id",
                table: "Requests",
                columns: new[] { "State", "QueuePriority", "EffectiveDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_TrackingNumber",
                table: "Requests",
                column: "TrackingNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleSetChanges_Version",
                table: "RuleSetChanges",
                column: "Version");

            migrationBuilder.CreateIndex(
                name: "IX_RuleSets_Status_EffectiveFrom",
                table: "RuleSets",
                columns: new[] { "Status", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Timers_CompletedAt_DueAt",
                table: "Timers",
                columns: new[] { "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Timers_RequestId",
                table: "Timers",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "Disclosures");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "Journal");

            migrationBuilder.DropTable(
                name: "LifecycleDefinitions");

            migrationBuilder.DropTable(
                name: "Notes");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "PortalGrants");

            migrationBuilder.DropTable(
                name: "RequestConsents");

            migrationBuilder.DropTable(
                name: "RequestFeeLines");

            migrationBuilder.DropTable(
                name: "RuleSetChanges");

            migrationBuilder.DropTable(
                name: "RuleSets");

            migrationBuilder.DropTable(
                name: "Timers");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "Requests");
        }
    }
}
