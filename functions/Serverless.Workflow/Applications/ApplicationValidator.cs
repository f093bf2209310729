using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using static Serverless.Workflow.Applications.ApplicationLimits;

namespace Serverless.Workflow.Applications;

/// <summary>Every field rule of POST/PUT /api/applications (docs/api.md), reporting each problem at its JSON path.</summary>
public sealed partial class ApplicationValidator(IOptions<IntakeOptions> options, TimeProvider time)
{
    static readonly string[] Languages = ["ko", "en"];

    public (ApplicationForm? Form, ValidationErrors Errors) Validate(ApplicationRequest? request)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            errors.Add("$", "The body must be a JSON object.");
            return (null, errors);
        }

        var intake = options.Value;
        var today = KoreaTime.Today(time);
        var programme = request.Programme ?? intake.DefaultProgramme;
        if (!intake.Programmes.ContainsKey(programme))
        {
            errors.Add("programme", $"Unknown programme; known: {string.Join(", ", intake.Programmes.Keys)}.");
        }

        var language = request.Language ?? "ko";
        if (!Languages.Contains(language))
        {
            errors.Add("language", "Must be \"ko\" or \"en\".");
        }

        var firm = ValidateFirm(request.Firm, today, intake, errors);
        var financials = ValidateFinancials(request.Financials, today, errors);
        var technology = ValidateTechnology(request.Technology, errors);
        var selfAssessment = ValidateSelfAssessment(request.SelfAssessment, errors);
        var difficulties = ValidateDifficulties(request.Difficulties, errors);

        return errors.Any
            ? (null, errors)
            : (new ApplicationForm(programme, language, firm!, financials!, technology!, selfAssessment!, difficulties!), errors);
    }

    static FirmForm? ValidateFirm(FirmRequest? firm, DateOnly today, IntakeOptions intake, ValidationErrors errors)
    {
        if (firm is null)
        {
            errors.Add("firm", "Required.");
            return null;
        }

        var brn = BusinessRegistrationNumber.Normalize(firm.BusinessRegistrationNumber);
        if (firm.BusinessRegistrationNumber is null)
        {
            errors.Add("firm.businessRegistrationNumber", "Required.");
        }
        else if (BusinessRegistrationNumber.Digits(firm.BusinessRegistrationNumber) is null)
        {
            errors.Add("firm.businessRegistrationNumber", "Must be 10 digits, written XXX-XX-XXXXX or without hyphens.");
        }
        else if (brn is null)
        {
            errors.Add("firm.businessRegistrationNumber", "The check digit does not match: this is not a valid business registration number.");
        }

        var name = Text(firm.Name, "firm.name", 1, NameLength, errors);
        var representative = Text(firm.Representative, "firm.representative", 1, RepresentativeLength, errors);
        if (firm.FoundedOn is not { } foundedOn)
        {
            errors.Add("firm.foundedOn", "Required (YYYY-MM-DD).");
        }
        else if (foundedOn > today || foundedOn < ApplicationLimits.EarliestFounding)
        {
            errors.Add("firm.foundedOn", "Must be between 1900-01-01 and today.");
        }

        var industryCode = Text(firm.IndustryCode, "firm.industryCode", IndustryCodeLength, IndustryCodeLength, errors);
        if (industryCode is not null && !IndustryCode().IsMatch(industryCode))
        {
            errors.Add("firm.industryCode", "Must be a KSIC section letter (A-U) and a 2-digit division, e.g. C29.");
        }

        var employees = Range(firm.Employees, "firm.employees", MinEmployees, MaxEmployees, errors);
        var technicalStaff = Range(firm.TechnicalStaff, "firm.technicalStaff", 0, employees ?? MaxEmployees, errors);
        var email = Text(firm.Email, "firm.email", MinEmailLength, MaxEmailLength, errors);
        if (email is not null && !EmailAddresses.IsValid(email))
        {
            errors.Add("firm.email", "Must be a valid email address.");
        }

        var phone = OptionalText(firm.Phone, "firm.phone", PhoneLength, errors);
        if (phone is not null && !Phone().IsMatch(phone))
        {
            errors.Add("firm.phone", "Must be a phone number: digits, spaces, hyphens, parentheses and a leading +.");
        }

        var address = OptionalText(firm.Address, "firm.address", AddressLength, errors);
        var miniCluster = OptionalText(firm.MiniCluster, "firm.miniCluster", MiniClusterLength, errors);
        if (miniCluster is not null && !intake.MiniClusters.Contains(miniCluster))
        {
            errors.Add("firm.miniCluster", $"Unknown mini-cluster; known: {string.Join(", ", intake.MiniClusters)}.");
        }

        return errors.Any
            ? null
            : new FirmForm(brn!, name!, representative!, firm.FoundedOn!.Value, industryCode!, employees!.Value, technicalStaff!.Value,
                email!, phone, address, miniCluster);
    }

    static List<FinancialYear>? ValidateFinancials(IReadOnlyList<FinancialYearRequest?>? financials, DateOnly today, ValidationErrors errors)
    {
        if (financials is null || financials.Count is < MinFinancialYears or > MaxFinancialYears)
        {
            errors.Add("financials", $"Give {MinFinancialYears} to {MaxFinancialYears} years of financials.");
            return null;
        }

        var years = new List<FinancialYear>();
        for (var i = 0; i < financials.Count; i++)
        {
            var path = $"financials[{i}]";
            if (financials[i] is not { } entry)
            {
                errors.Add(path, "Required.");
                continue;
            }

            var year = Range(entry.Year, $"{path}.year", EarliestYear, today.Year, errors);
            var revenue = Range(entry.RevenueKrw, $"{path}.revenueKrw", 0, long.MaxValue, errors);
            var export = Range(entry.ExportKrw, $"{path}.exportKrw", 0, revenue ?? long.MaxValue, errors);
            var rdSpend = Range(entry.RdSpendKrw, $"{path}.rdSpendKrw", 0, revenue ?? long.MaxValue, errors);
            if (year is not null && years.Any(y => y.Year == year))
            {
                errors.Add($"{path}.year", "Each year may appear once.");
            }

            if (year is not null && revenue is not null && export is not null && rdSpend is not null)
            {
                years.Add(new FinancialYear(year.Value, revenue.Value, export.Value, rdSpend.Value));
            }
        }

        return years;
    }

    static TechnologyForm? ValidateTechnology(TechnologyRequest? technology, ValidationErrors errors)
    {
        if (technology is null)
        {
            errors.Add("technology", "Required.");
            return null;
        }

        var trl = Range(technology.Trl, "technology.trl", MinTrl, MaxTrl, errors);
        var patents = Range(technology.Patents, "technology.patents", 0, MaxPatents, errors);
        if (technology.HasResearchLab is null)
        {
            errors.Add("technology.hasResearchLab", "Required (true or false).");
        }

        var certifications = new List<Certification>();
        var given = technology.Certifications ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            if (ExactName<Certification>(given[i]) is { } certification)
            {
                if (!certifications.Contains(certification))
                {
                    certifications.Add(certification);
                }
            }
            else
            {
                errors.Add($"technology.certifications[{i}]", $"Must be one of {string.Join(", ", Enum.GetNames<Certification>())}.");
            }
        }

        return trl is null || patents is null || technology.HasResearchLab is null
            ? null
            : new TechnologyForm(trl.Value, patents.Value, technology.HasResearchLab.Value, certifications);
    }

    static SelfAssessment? ValidateSelfAssessment(SelfAssessmentRequest? self, ValidationErrors errors)
    {
        if (self is null)
        {
            errors.Add("selfAssessment", "Required.");
            return null;
        }

        int? Score(int? value, string name) => Range(value, $"selfAssessment.{name}", MinScore, MaxScore, errors);
        var scores = new[]
        {
            Score(self.Rnd, "rnd"), Score(self.Commercialization, "commercialization"), Score(self.Marketing, "marketing"),
            Score(self.People, "people"), Score(self.Finance, "finance"), Score(self.Management, "management"),
        };
        return scores.Any(s => s is null)
            ? null
            : new SelfAssessment(scores[0]!.Value, scores[1]!.Value, scores[2]!.Value, scores[3]!.Value, scores[4]!.Value, scores[5]!.Value);
    }

    static List<Difficulty>? ValidateDifficulties(IReadOnlyList<DifficultyRequest?>? difficulties, ValidationErrors errors)
    {
        if (difficulties is null || difficulties.Count is < MinDifficulties or > MaxDifficulties)
        {
            errors.Add("difficulties", $"Give {MinDifficulties} to {MaxDifficulties} difficulties.");
            return null;
        }

        var valid = new List<Difficulty>();
        for (var i = 0; i < difficulties.Count; i++)
        {
            var path = $"difficulties[{i}]";
            if (difficulties[i] is not { } entry)
            {
                errors.Add(path, "Required.");
                continue;
            }

            var category = ExactName<DifficultyCategory>(entry.Category);
            if (category is null)
            {
                errors.Add($"{path}.category", $"Must be one of {string.Join(", ", Enum.GetNames<DifficultyCategory>())}.");
            }

            var description = Text(entry.Description, $"{path}.description", 1, DescriptionLength, errors);
            if (category is not null && description is not null)
            {
                valid.Add(new Difficulty(category.Value, description));
            }
        }

        return valid;
    }

    /// <summary>The enum value spelt exactly as its name (not a number, not another casing), else null.</summary>
    static TEnum? ExactName<TEnum>(string? name)
        where TEnum : struct, Enum =>
        name is not null && Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<TEnum>(name) : null;

    /// <summary>A required text of the given length, without C0 control characters other than tab, CR and LF.</summary>
    static string? Text(string? value, string path, int min, int max, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "Required.");
            return null;
        }

        return CheckText(value.Trim(), path, min, max, errors);
    }

    static string? OptionalText(string? value, string path, int max, ValidationErrors errors) =>
        string.IsNullOrWhiteSpace(value) ? null : CheckText(value.Trim(), path, 1, max, errors);

    static string? CheckText(string value, string path, int min, int max, ValidationErrors errors)
    {
        if (value.Any(c => c < ' ' && c is not '\t' and not '\r' and not '\n'))
        {
            errors.Add(path, "Must not contain control characters.");
            return null;
        }

        if (value.Length < min || value.Length > max)
        {
            errors.Add(path, min == max ? $"Must be {max} characters." : $"Must be {min} to {max} characters.");
            return null;
        }

        return value;
    }

    static T? Range<T>(T? value, string path, T min, T max, ValidationErrors errors)
        where T : struct, IComparable<T>
    {
        if (value is not { } v)
        {
            errors.Add(path, "Required.");
            return null;
        }

        if (v.CompareTo(min) < 0 || v.CompareTo(max) > 0)
        {
            errors.Add(path, $"Must be between {min} and {max}.");
            return null;
        }

        return v;
    }

    [GeneratedRegex(IndustryCodePattern)]
    private static partial Regex IndustryCode();

    [GeneratedRegex(PhonePattern)]
    private static partial Regex Phone();
}
