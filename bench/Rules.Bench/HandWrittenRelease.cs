using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Bench;

/// <summary>
/// release.json as plain C#, rule for rule and in its order (each rule's expression and outcome written out as code,
/// with its name above it), for the benchmark's baseline: the same decisions without the rules engine.
/// </summary>
public static class HandWrittenRelease
{
    public static ReleaseDecision Decide(RequestFacts f)
    {
        var redirects = new List<string>();
        var denials = new List<Denial>();
        var missing = new List<MissingElement>();
        var withheld = new List<WithheldCategory>();
        var notes = new List<string>();

        // RedirectExcludedOrganisation
        if (f.IncludesExcludedOrganisation && !f.IncludesMedicalGroup)
        {
            redirects.Add("Edward-Elmhurst Healthcare: records from its locations are not released here; ask its medical records department directly");
        }

        // RedirectOtherFacility
        if (f.IncludesOtherFacility && !f.IncludesMedicalGroup)
        {
            redirects.Add((f.OtherFacilityName ?? "The other facility") + ": ask that provider directly for the records it made");
        }

        // NoteExcludedOrganisationNotIncluded
        if (f.IncludesExcludedOrganisation && f.IncludesMedicalGroup)
        {
            notes.Add("Records of Edward-Elmhurst Healthcare locations are not part of this release; the requester asks Edward-Elmhurst Healthcare directly.");
        }

        // NoteOtherFacilityNotIncluded
        if (f.IncludesOtherFacility && f.IncludesMedicalGroup)
        {
            notes.Add("Records made by the other facility named on the request are not part of this release; the requester asks that facility directly.");
        }

        // DenyPsychotherapyNotesUnderAccess
        if (f.Kind == RequestKind.Access && f.OnlyPsychotherapyNotesRequested && !f.PsychotherapyNotesConsent)
        {
            denials.Add(new Denial("Psychotherapy notes are not part of a patient's right of access; they are released only under their own separate authorization.", "45 CFR 164.524(a)(1)(i); 45 CFR 164.508(a)(2); 740 ILCS 110/2", false));
        }

        // HoldInformationNotDescribed
        if (f.Kind == RequestKind.Authorization && !f.InformationDescribed)
        {
            missing.Add(new MissingElement("A specific description of the information to be disclosed (all records, record types, or dates)", "45 CFR 164.508(c)(1)(i)"));
        }

        // HoldRecipientNotNamed
        if (f.Kind == RequestKind.Authorization && !f.RecipientNamed)
        {
            missing.Add(new MissingElement("The name of the person or organization to receive the records", "45 CFR 164.508(c)(1)(iii)"));
        }

        // HoldPurposeNotStated
        if (f.Kind == RequestKind.Authorization && !f.PurposeStated && !f.ForTreatment)
        {
            missing.Add(new MissingElement("The purpose of the disclosure (\"at the request of the individual\" is enough)", "45 CFR 164.508(c)(1)(iv)"));
        }

        // HoldExpiryNotStated
        if (f.Kind == RequestKind.Authorization && !f.ExpiryStated && !f.ForTreatment)
        {
            missing.Add(new MissingElement("An expiration date or expiration event for the authorization", "45 CFR 164.508(c)(1)(v)"));
        }

        // HoldAuthorizationExpired
        if (f.Kind == RequestKind.Authorization && f.ExpiresOn != null && f.ExpiresOn < f.Today && !f.ForTreatment)
        {
            missing.Add(new MissingElement("A new authorization: the one received has expired", "45 CFR 164.508(b)(2)(i)"));
        }

        // HoldNotSigned
        if (!f.SignaturePresent)
        {
            missing.Add(new MissingElement("The signature of the patient or of the person acting for the patient", "45 CFR 164.508(c)(1)(vi); 735 ILCS 5/8-2001(c) (a written request)"));
        }

        // HoldSignatureNotDated
        if (!f.SignatureDated)
        {
            missing.Add(new MissingElement("The date of the signature", "45 CFR 164.508(c)(1)(vi)"));
        }

        // HoldRepresentativeAuthorityNotDescribed
        if (f.RequesterAuthority != RepresentativeAuthority.None && !f.AuthorityDescribed)
        {
            missing.Add(new MissingElement("A description of the signer's authority to act for the patient (for example guardianship papers or the power of attorney)", "45 CFR 164.508(c)(1)(vi); 45 CFR 164.502(g)"));
        }

        // HoldRequiredStatementsMissing
        if (f.Kind == RequestKind.Authorization && !f.RequiredStatementsPresent && !f.ForTreatment)
        {
            missing.Add(new MissingElement("The required statements: the right to revoke in writing, whether treatment or payment depends on signing, and that the information may be re-disclosed", "45 CFR 164.508(c)(2)"));
        }

        // HoldDeceasedPatientSignerWithoutStanding
        if (f.PatientDeceased && f.RequesterAuthority != RepresentativeAuthority.Executor && f.RequesterAuthority != RepresentativeAuthority.Administrator && f.RequesterAuthority != RepresentativeAuthority.HealthCarePowerOfAttorney && f.RequesterAuthority != RepresentativeAuthority.AuthorizedRelative)
        {
            missing.Add(new MissingElement("For a deceased patient: the signature of the executor or administrator of the estate, the agent under the patient's health-care power of attorney, or an authorized relative (spouse, adult child, parent or adult sibling) with a signed Authorized Relative Certification", "735 ILCS 5/8-2001.5"));
        }

        // HoldAuthorizedRelativeCertificationMissing
        if (f.PatientDeceased && f.RequesterAuthority == RepresentativeAuthority.AuthorizedRelative && !f.SupportingDocumentProvided)
        {
            missing.Add(new MissingElement("The signed Authorized Relative Certification", "735 ILCS 5/8-2001.5"));
        }

        // HoldDeceasedPatientLettersOfOfficeMissing
        if (f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.Executor || f.RequesterAuthority == RepresentativeAuthority.Administrator) && !f.LettersOfOfficeProvided)
        {
            missing.Add(new MissingElement("The letters of office (testamentary or of administration) showing the signer is the executor or administrator of the estate", "735 ILCS 5/8-2001.5(a)"));
        }

        // HoldDeceasedPatientAgentPowerEndedAtDeath
        if (f.PatientDeceased && f.RequesterAuthority == RepresentativeAuthority.HealthCarePowerOfAttorney && f.PowerOfAttorneyContinuesAfterDeath != true)
        {
            missing.Add(new MissingElement("The health-care power of attorney, showing that the agent's authority continues after death; otherwise the signature of the executor or administrator, or of an authorized relative with the Authorized Relative Certification", "735 ILCS 5/8-2001.5(a)"));
        }

        // HoldDeceasedPatientRelationNotGiven
        if (f.PatientDeceased && f.RequesterAuthority == RepresentativeAuthority.AuthorizedRelative && f.DeceasedRelation == DeceasedRelation.None)
        {
            missing.Add(new MissingElement("How the authorized relative is related to the patient (surviving spouse; or adult son or daughter, parent, or adult brother or sister)", "735 ILCS 5/8-2001.5(a)"));
        }

        // HoldDeceasedPatientHigherPriorityNotStated
        if (f.PatientDeceased && f.RequesterAuthority == RepresentativeAuthority.AuthorizedRelative && f.HigherPriorityPersonExists == null)
        {
            missing.Add(new MissingElement("Whether there is an executor, administrator or agent under a health-care power of attorney, and (for a son, daughter, parent, brother or sister) a surviving spouse", "735 ILCS 5/8-2001.5(a)"));
        }

        // HoldDeceasedPatientHigherPriorityPersonExists
        if (f.PatientDeceased && f.RequesterAuthority == RepresentativeAuthority.AuthorizedRelative && f.HigherPriorityPersonExists == true)
        {
            missing.Add(new MissingElement("The signature of the person who comes first under the statute: the executor, administrator or agent, or else the surviving spouse", "735 ILCS 5/8-2001.5(a)"));
        }

        // DenyDeceasedPatientObjectedInWriting
        if (f.PatientDeceased && f.RequesterAuthority == RepresentativeAuthority.AuthorizedRelative && f.PatientObjectedInWriting)
        {
            denials.Add(new Denial("The patient objected in writing to the release of their records; a relative may then not obtain them under the authorized-relative procedure (an executor or administrator may still ask).", "735 ILCS 5/8-2001.5(a)", false));
        }

        // WithholdMentalHealthConsentNotWitnessed
        if (f.Kind == RequestKind.Authorization && f.MentalHealthConsent && !f.MentalHealthConsentWitnessed)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "The mental-health consent has no witness (the witness's name, signature and date). The rest of the records the authorization covers are released; to receive these, send a consent signed before a witness.", "740 ILCS 110/5(b)"));
        }

        // WithholdMentalHealthConsentWitnessedBeforeSigning
        if (f.Kind == RequestKind.Authorization && f.MentalHealthConsent && f.MentalHealthConsentWitnessed && f.MentalHealthWitnessDatedBeforeSigner)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "The witness dated the mental-health consent before it was signed, so the witness cannot have seen it signed. The rest of the records are released; to receive these, send a consent the witness signs on or after the day it is signed.", "740 ILCS 110/5(b)"));
        }

        // WithholdMentalHealthConsentWitnessedByRecipient
        if (f.Kind == RequestKind.Authorization && f.MentalHealthConsent && f.MentalHealthWitnessIsRecipient)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "The witness to the mental-health consent is the person receiving the records, who cannot attest the consent to their own receipt. The rest of the records are released; to receive these, send a consent signed before another witness.", "740 ILCS 110/5(b)"));
        }

        // WithholdMentalHealthConsentWithoutExpiryDate
        if (f.Kind == RequestKind.Authorization && f.MentalHealthConsent && f.ExpiresOn == null)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "The mental-health consent has no calendar expiry date (an expiry event is not enough). The rest of the records are released; to receive these, send a consent with the date it ends.", "740 ILCS 110/5(b)"));
        }

        // WithholdMentalHealthWithoutConsent
        if (f.Kind == RequestKind.Authorization && !f.MentalHealthConsent)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "Mental-health and developmental-disabilities records need their own specific, witnessed consent; a general authorization does not cover them.", "740 ILCS 110/5"));
        }

        // WithholdMentalHealthOfAdolescentUntilTheMinorOrTherapistAnswers
        if (f.PatientAge >= 12 && f.PatientAge < 18 && !f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.ParentOfMinor || f.RequesterAuthority == RepresentativeAuthority.Guardian) && !f.ContentsRecorded && !(f.MinorObjection == MinorObjection.InformedDoesNotObject || f.TherapistFinding == TherapistFinding.NotDetrimental))
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "For a patient aged 12 to 17 a parent or guardian has the mental-health records when the patient is told and does not object, or when the therapist finds no compelling reason to refuse; until one of them answers, these records are not released.", "740 ILCS 110/4(a)(3)"));
        }

        // HoldMentalHealthOfAdolescentForTheMinorsAnswer
        if (f.PatientAge >= 12 && f.PatientAge < 18 && !f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.ParentOfMinor || f.RequesterAuthority == RepresentativeAuthority.Guardian) && f.ContentsRecorded && f.MentalHealthPresent && f.MinorObjection == MinorObjection.NotAsked && f.TherapistFinding == TherapistFinding.NotAsked)
        {
            missing.Add(new MissingElement("Whether the patient (aged 12 to 17) was told of the request and objects, or the therapist's finding on the parent's or guardian's access to the mental-health records", "740 ILCS 110/4(a)(3)"));
        }

        // HoldMentalHealthOfAdolescentForTheTherapist
        if (f.PatientAge >= 12 && f.PatientAge < 18 && !f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.ParentOfMinor || f.RequesterAuthority == RepresentativeAuthority.Guardian) && f.ContentsRecorded && f.MentalHealthPresent && f.MinorObjection == MinorObjection.Objects && f.TherapistFinding == TherapistFinding.NotAsked)
        {
            missing.Add(new MissingElement("The therapist's review: the patient (aged 12 to 17) objects, so the therapist decides whether there are compelling reasons to deny the parent's or guardian's access", "740 ILCS 110/4(a)(3)"));
        }

        // WithholdMentalHealthOfAdolescentTherapistFoundDetrimental
        if (f.PatientAge >= 12 && f.PatientAge < 18 && !f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.ParentOfMinor || f.RequesterAuthority == RepresentativeAuthority.Guardian) && f.MinorObjection != MinorObjection.InformedDoesNotObject && f.TherapistFinding == TherapistFinding.Detrimental)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "The therapist found compelling reasons to deny a parent's or guardian's access to the mental-health records of this patient aged 12 to 17, and the patient did not agree to it. The parent or guardian may petition a court for access.", "740 ILCS 110/4(a)(3)"));
        }

        // WithholdMentalHealthOfAdolescentWithoutTheMinorsSignature
        if (f.Kind == RequestKind.Authorization && f.MentalHealthConsent && f.PatientAge >= 12 && f.PatientAge < 18 && !f.PatientDeceased && !f.MinorSignedMentalHealthConsent && !(f.MinorObjection == MinorObjection.InformedDoesNotObject || f.TherapistFinding == TherapistFinding.NotDetrimental))
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "A consent to release the mental-health records of a patient aged 12 to 17 is signed by the patient; a parent or guardian alone may consent only when the patient was told and does not object, or the therapist finds no compelling reason to refuse. The rest is released; to receive these, send the consent signed by the patient.", "740 ILCS 110/5(a); 740 ILCS 110/4(a)(2), (a)(3)"));
        }

        // WithholdMentalHealthOfDeceasedPatient
        if (f.PatientDeceased)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "After death, mental-health records are released only with the consent of the estate's representative and of the therapist; the therapist decides before release.", "740 ILCS 110/5(a)"));
        }

        // WithholdPsychotherapyNotesWithoutSeparateAuthorization
        if (f.PsychotherapyNotesRequested && !f.OnlyPsychotherapyNotesRequested && !f.PsychotherapyNotesConsent)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.PsychotherapyNotes, "Psychotherapy notes (a therapist's personal notes) are released only under their own separate authorization and are not part of a patient's right of access.", "45 CFR 164.508(a)(2); 45 CFR 164.524(a)(1)(i); 740 ILCS 110/2"));
        }

        // HoldPsychotherapyNotesOnlyWithoutSeparateAuthorization
        if (f.Kind == RequestKind.Authorization && f.OnlyPsychotherapyNotesRequested && !f.PsychotherapyNotesConsent)
        {
            missing.Add(new MissingElement("A separate authorization for psychotherapy notes", "45 CFR 164.508(a)(2)"));
        }

        // WithholdHivWithoutRelease
        if (f.Kind == RequestKind.Authorization && !f.HivConsent)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.Hiv, "HIV test identity or results go only to the patient, their legal representative, or a person named in a legally effective release that covers them.", "410 ILCS 305/9"));
        }

        // WithholdGeneticWithoutAuthorization
        if (f.Kind == RequestKind.Authorization && !f.GeneticConsent)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.Genetic, "Genetic testing information needs a specific written authorization.", "410 ILCS 513/15; 410 ILCS 513/30"));
        }

        // WithholdSubstanceUseDisorderWithoutPart2Consent
        if (f.Kind == RequestKind.Authorization && !f.SubstanceUseDisorderConsent)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.SubstanceUseDisorder, "Records of a Part 2 substance use disorder program need a Part 2 consent; counselling notes need their own separate consent.", "42 CFR Part 2 (2024 rule), 42 CFR 2.31"));
        }

        // NotePart2RedisclosureNotice
        if (f.Kind == RequestKind.Authorization && f.SubstanceUseDisorderConsent)
        {
            notes.Add("Substance use disorder records go out with the Part 2 re-disclosure notice; counselling notes still need their own consent.");
        }

        // WithholdMinorConsentedServicesFromParent
        if (f.PatientAge < 18 && !f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.ParentOfMinor || f.RequesterAuthority == RepresentativeAuthority.Guardian))
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MinorConsentedServices, "A parent or guardian is not the personal representative for care the minor lawfully consented to alone (pregnancy, contraception, sexual assault care and the like).", "410 ILCS 210/1 to 210/3; 45 CFR 164.502(g)(3)"));
        }

        // WithholdMinorsSexuallyTransmittedInfectionCareFromParent
        if (f.PatientAge >= 12 && f.PatientAge < 18 && !f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.ParentOfMinor || f.RequesterAuthority == RepresentativeAuthority.Guardian))
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.SexuallyTransmittedInfection, "A minor 12 or older consents alone to care for a sexually transmitted infection; a parent or guardian is not the personal representative for that care.", "410 ILCS 210/4; 45 CFR 164.502(g)(3)"));
        }

        // WithholdMinorsSubstanceUseTreatmentFromParent
        if (f.PatientAge >= 12 && f.PatientAge < 18 && !f.PatientDeceased && (f.RequesterAuthority == RepresentativeAuthority.ParentOfMinor || f.RequesterAuthority == RepresentativeAuthority.Guardian))
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.SubstanceUseDisorder, "A minor 12 or older consents alone to substance use disorder treatment, and only the minor may consent to disclosing those program records, to a parent too.", "410 ILCS 210/4; 42 CFR 2.14(a), (b)"));
        }

        // WithholdMinorsSexuallyTransmittedInfectionCareWithoutMinorsConsent
        if (f.Kind == RequestKind.Authorization && f.PatientAge >= 12 && f.PatientAge < 18 && !f.ForTreatment && !f.MinorConsentedServicesConsent)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.SexuallyTransmittedInfection, "Care for a sexually transmitted infection that a minor consented to alone is disclosed to others only with the minor's own consent.", "410 ILCS 210/4; 45 CFR 164.502(g)(3)"));
        }

        // WithholdMinorConsentedServicesWithoutMinorsConsent
        if (f.Kind == RequestKind.Authorization && f.PatientAge < 18 && !f.MinorConsentedServicesConsent && !f.ForTreatment)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MinorConsentedServices, "Services a minor consented to alone are disclosed to third parties only with the minor's own consent.", "410 ILCS 210"));
        }

        // WithholdLeftOutByPatientMentalHealth
        if (f.Kind == RequestKind.Access && f.MentalHealthLeftOut)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MentalHealth, "Left out at the patient's own request: the patient asked not to receive the mental-health and developmental-disabilities records.", "45 CFR 164.524(a)(1) (the right of access is to all or part of the designated record set, as the patient asks)"));
        }

        // WithholdLeftOutByPatientHiv
        if (f.Kind == RequestKind.Access && f.HivLeftOut)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.Hiv, "Left out at the patient's own request: the patient asked not to receive the HIV test information.", "45 CFR 164.524(a)(1) (the right of access is to all or part of the designated record set, as the patient asks)"));
        }

        // WithholdLeftOutByPatientGenetic
        if (f.Kind == RequestKind.Access && f.GeneticLeftOut)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.Genetic, "Left out at the patient's own request: the patient asked not to receive the genetic testing information.", "45 CFR 164.524(a)(1) (the right of access is to all or part of the designated record set, as the patient asks)"));
        }

        // WithholdLeftOutByPatientSubstanceUseDisorder
        if (f.Kind == RequestKind.Access && f.SubstanceUseDisorderLeftOut)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.SubstanceUseDisorder, "Left out at the patient's own request: the patient asked not to receive the substance use disorder program records.", "45 CFR 164.524(a)(1) (the right of access is to all or part of the designated record set, as the patient asks)"));
        }

        // WithholdLeftOutByPatientMinorConsentedServices
        if (f.Kind == RequestKind.Access && f.MinorConsentedServicesLeftOut)
        {
            withheld.Add(new WithheldCategory(SensitiveCategory.MinorConsentedServices, "Left out at the patient's own request: the patient asked not to receive the records of care the patient consented to alone as a minor.", "45 CFR 164.524(a)(1) (the right of access is to all or part of the designated record set, as the patient asks)"));
        }

        return Combine(redirects, denials, missing, withheld, notes, f);
    }

    private static ReleaseDecision Combine(List<string> redirects, List<Denial> denials, List<MissingElement> missing,
        List<WithheldCategory> withheld, List<string> notes, RequestFacts f)
    {
        var denial = denials.OrderBy(d => d.Reviewable).FirstOrDefault();
        var redirectTo = redirects.Count > 0 ? string.Join("; ", redirects) : null;
        if (withheld.Count > 1)
        {
            withheld = [.. withheld.GroupBy(w => w.Category).Select(g => g.Count() == 1 ? g.First()
                : new WithheldCategory(g.Key, string.Join(" ", g.Select(w => w.Reason)), string.Join("; ", g.Select(w => w.Basis).Distinct())))];
        }

        // A category is withheld only if the records may contain it; before the contents are recorded, "if present".
        withheld = [.. withheld.Where(w => MayContain(f, w.Category)).Select(w => f.ContentsRecorded ? w : w with { IfPresent = true })];
        var kind = redirectTo is not null ? ReleaseDecisionKind.Redirect
            : denial is not null ? ReleaseDecisionKind.Deny
            : missing.Count > 0 ? ReleaseDecisionKind.HoldForInformation
            : withheld.Count > 0 ? ReleaseDecisionKind.ReleaseWithWithheld
            : ReleaseDecisionKind.Release;
        var summary = kind switch
        {
            ReleaseDecisionKind.Redirect => $"Redirect: {redirectTo}.",
            ReleaseDecisionKind.Deny => $"Deny ({(denial!.Reviewable ? "reviewable" : "not reviewable")}): {denial.Reason} Basis: {denial.Basis}.",
            ReleaseDecisionKind.HoldForInformation => "Hold until the requester sends: " + string.Join("; ", missing.Select(m => m.Element)) + ".",
            ReleaseDecisionKind.ReleaseWithWithheld => (withheld.All(w => w.IfPresent) ? "Release; if the records contain them, withhold: " : "Release without: ")
                + string.Join("; ", withheld.Select(w => $"{w.Category} ({w.Reason})")),
            _ => "Release.",
        };
        if (notes.Count > 0)
        {
            summary += " Note: " + string.Join(" ", notes);
        }

        return new ReleaseDecision(kind, summary, missing, withheld, redirectTo, kind == ReleaseDecisionKind.Deny ? denial : null, notes);
    }

    private static bool MayContain(RequestFacts f, SensitiveCategory category) => !f.ContentsRecorded || category switch
    {
        SensitiveCategory.MentalHealth => f.MentalHealthPresent,
        SensitiveCategory.PsychotherapyNotes => f.PsychotherapyNotesPresent,
        SensitiveCategory.Hiv => f.HivPresent,
        SensitiveCategory.Genetic => f.GeneticPresent,
        SensitiveCategory.SubstanceUseDisorder => f.SubstanceUseDisorderPresent,
        _ => f.MinorConsentedServicesPresent,
    };
}
