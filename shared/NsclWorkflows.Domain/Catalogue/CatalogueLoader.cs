using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using static NsclWorkflows.Domain.Catalogue.CatalogueFileModel;

namespace NsclWorkflows.Domain.Catalogue;

/// <summary>
/// Reads a catalogue file into an immutable <see cref="ProgrammeCatalogue"/> and validates it. A malformed file throws
/// <see cref="InvalidDataException"/>; a file with an unacknowledged mismatch or an error throws
/// <see cref="CatalogueValidationException"/> carrying the full report.
/// </summary>
public static class CatalogueLoader
{
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>An amended catalogue on disk.</summary>
    public static ProgrammeCatalogue LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static ProgrammeCatalogue Parse(string json) => Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    public static ProgrammeCatalogue Load(Stream json)
    {
        FileDto file;
        try
        {
            file = JsonSerializer.Deserialize<FileDto>(json, JsonOptions) ?? throw Malformed("tệp rỗng");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Tệp danh mục không đúng định dạng JSON: {ex.Message}", ex);
        }

        var version = Required(file.Version, "version");
        var defaults = file.DefaultPolicy ?? throw Malformed("thiếu defaultPolicy");
        var programme = ToProgramme(file);
        var rubrics = (file.Rubrics ?? []).Select(ToRubric).ToArray();
        var kinds = (file.SupportKinds ?? []).Select(k => ToKind(k, defaults, file.DefaultRubrics, rubrics)).ToArray();
        var acknowledged = (file.AcknowledgedMismatches ?? []).Select(a => new AcknowledgedMismatch(
            Required(a.LineId, "acknowledgedMismatches[].lineId"), a.Year, a.Printed, a.Computed,
            Required(a.Note, "acknowledgedMismatches[].note"))).ToArray();

        var report = CatalogueValidator.Validate(version, programme, kinds, acknowledged);
        if (!report.IsLoadable)
        {
            throw new CatalogueValidationException(report);
        }

        return new ProgrammeCatalogue(version, file.EffectiveFrom, programme, Merge(defaults, null), kinds, report)
        {
            Rubrics = Array.AsReadOnly(rubrics),
            CouncilPolicy = file.CouncilPolicy is { } council ? ToCouncilPolicy(council) : CouncilPolicy.DepartmentDefault,
            CallPolicy = ToCallPolicy(file.CallPolicy),
            RecognitionPolicy = file.RecognitionPolicy is { } recognition ? ToRecognitionPolicy(recognition) : RecognitionPolicy.DepartmentDefault,
        };
    }

    static Programme ToProgramme(FileDto file)
    {
        var p = file.Programme ?? throw Malformed("thiếu programme");
        var budget = file.Budget ?? throw Malformed("thiếu budget");
        var years = (budget.Years ?? throw Malformed("thiếu budget.years")).ToArray();
        var targets = (file.Targets ?? []).Select(ToTarget).ToArray();
        return new Programme(
            Required(p.Id, "programme.id"),
            Required(p.Title, "programme.title"),
            Required(p.IssuedBy, "programme.issuedBy"),
            p.IssuedOn,
            budget.Unit ?? "triệu đồng",
            Array.AsReadOnly(years),
            Array.AsReadOnly((budget.Lines ?? []).Select(ToLine).ToArray()),
            ToLine(budget.PrintedTotalRow ?? throw Malformed("thiếu budget.printedTotalRow")),
            Array.AsReadOnly(targets));
    }

    static Rubric ToRubric(RubricDto r)
    {
        var id = Required(r.Id, "rubrics[].id");
        var criteria = (r.Criteria ?? throw Malformed($"phiếu chấm {id}: thiếu criteria")).Select(c => new RubricCriterion(
            Required(c.Id, $"rubrics[{id}].criteria[].id"),
            Required(c.Name, $"rubrics[{id}].criteria[].name"),
            c.MaxScore is > 0 and var max ? max : throw Malformed($"phiếu chấm {id}: maxScore của tiêu chí {c.Id} phải lớn hơn 0"),
            c.Weight is { } weight ? (weight > 0 ? weight : throw Malformed($"phiếu chấm {id}: weight của tiêu chí {c.Id} phải lớn hơn 0")) : 1,
            c.Mandatory ?? false,
            c.MinScore is { } min && (min < 0 || min > max) ? throw Malformed($"phiếu chấm {id}: minScore của tiêu chí {c.Id} phải từ 0 đến maxScore") : c.MinScore)).ToArray();
        if (criteria.Length == 0 || criteria.DistinctBy(c => c.Id, StringComparer.OrdinalIgnoreCase).Count() != criteria.Length
            || criteria.DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Count() != criteria.Length)
        {
            throw Malformed($"phiếu chấm {id}: cần ít nhất một tiêu chí; mã và tên tiêu chí không được trùng");
        }

        var rubric = new Rubric(id, Required(r.Name, $"rubrics[{id}].name"), Array.AsReadOnly(criteria),
            r.PassTotal ?? throw Malformed($"phiếu chấm {id}: thiếu passTotal"),
            r.Source switch
            {
                "plan" => CapSource.Plan,
                "nq-54-2021" => CapSource.Resolution54,
                "department-default" => CapSource.DepartmentDefault,
                _ => throw Malformed($"phiếu chấm {id}: source phải là \"plan\", \"nq-54-2021\" hoặc \"department-default\""),
            },
            r.Note);
        return rubric.PassTotal > 0 && rubric.PassTotal <= rubric.MaxTotal
            ? rubric
            : throw Malformed($"phiếu chấm {id}: passTotal phải lớn hơn 0 và không vượt tổng điểm tối đa ({rubric.MaxTotal:0.##})");
    }

    static RecognitionPolicy ToRecognitionPolicy(RecognitionPolicyDto r) => new(
        r.IssuesDecision ?? throw Malformed("recognitionPolicy.issuesDecision (true/false) là bắt buộc"),
        r.Source switch
        {
            null or "department-default" => CapSource.DepartmentDefault,
            "plan" => CapSource.Plan,
            _ => throw Malformed("recognitionPolicy.source phải là \"plan\" hoặc \"department-default\""),
        },
        string.IsNullOrWhiteSpace(r.Note) ? null : r.Note);

    static CouncilPolicy ToCouncilPolicy(CouncilPolicyDto c)
    {
        var d = CouncilPolicy.DepartmentDefault;
        var policy = new CouncilPolicy(c.MinimumMembers ?? d.MinimumMembers, c.QuorumNumerator ?? d.QuorumNumerator, c.QuorumDenominator ?? d.QuorumDenominator,
            c.ReminderWorkingDays ?? d.ReminderWorkingDays, c.EscalationWorkingDays ?? d.EscalationWorkingDays, c.Source switch
            {
                null or "department-default" => CapSource.DepartmentDefault,
                "plan" => CapSource.Plan,
                "nq-54-2021" => CapSource.Resolution54,
                _ => throw Malformed("councilPolicy.source phải là \"plan\", \"nq-54-2021\" hoặc \"department-default\""),
            }, string.IsNullOrWhiteSpace(c.Note) ? null : c.Note);
        return policy.MinimumMembers >= 3 && policy.QuorumDenominator > 0 && policy.QuorumNumerator > 0 && policy.QuorumNumerator <= policy.QuorumDenominator
            && policy.ReminderWorkingDays > 0 && policy.EscalationWorkingDays >= policy.ReminderWorkingDays
            ? policy
            : throw Malformed("councilPolicy: minimumMembers từ 3, tỷ lệ quorumNumerator/quorumDenominator trong (0, 1], reminderWorkingDays > 0 và escalationWorkingDays không nhỏ hơn reminderWorkingDays");
    }

    static SupportKind ToKind(KindDto k, PolicyDto defaults, RubricChoiceDto? defaultRubrics, IReadOnlyList<Rubric> rubrics)
    {
        var id = Required(k.Id, "supportKinds[].id");
        string? RubricOf(string? chosen, string use) => chosen is null ? null
            : rubrics.Any(r => r.Id == chosen) ? chosen : throw Malformed($"loại hỗ trợ {id}: phiếu chấm {use} \"{chosen}\" không có trong rubrics");
        var cap = k.Cap is { } c ? ToCap(id, c) : k.MaxAmountVnd is { } legacy ? new SupportCap(legacy, CapUnit.Application, CapSource.Plan, null) : null;
        return new SupportKind(
            id,
            Required(k.Name, "supportKinds[].name"),
            k.Description ?? string.Empty,
            Required(k.BudgetLineId, "supportKinds[].budgetLineId"),
            cap?.AmountVnd,
            Merge(defaults, k.Policy))
        {
            Cap = cap,
            NominatesPersons = k.NominatesPersons ?? false,
            Rolling = k.Rolling ?? true,
            AppraisalRubricId = RubricOf(k.Rubrics?.Appraisal ?? defaultRubrics?.Appraisal, "thẩm định"),
            EvaluationRubricId = RubricOf(k.Rubrics?.Evaluation ?? defaultRubrics?.Evaluation, "nghiệm thu"),
        };
    }

    /// <summary>The calls' policy (<c>callPolicy</c>); a catalogue without one takes <see cref="CallPolicy.Default"/>.</summary>
    static CallPolicy ToCallPolicy(CallPolicyDto? p)
    {
        if (p is null)
        {
            return CallPolicy.Default;
        }

        int Positive(int? value, int fallback, string field) => value switch
        {
            null => fallback,
            >= 1 and <= 250 => value.Value,
            _ => throw Malformed($"callPolicy.{field} phải từ 1 đến 250 ngày làm việc"),
        };

        return new CallPolicy(
            Positive(p.MinimumOpenWorkingDays, CallPolicy.Default.MinimumOpenWorkingDays, "minimumOpenWorkingDays"),
            Positive(p.FinalisationWorkingDays, CallPolicy.Default.FinalisationWorkingDays, "finalisationWorkingDays"),
            Positive(p.EscalationWorkingDays, CallPolicy.Default.EscalationWorkingDays, "escalationWorkingDays"))
        {
            Source = p.Source switch
            {
                null or "department-default" => CapSource.DepartmentDefault,
                "plan" => CapSource.Plan,
                "nq-54-2021" => CapSource.Resolution54,
                _ => throw Malformed("callPolicy.source phải là \"plan\", \"nq-54-2021\" hoặc \"department-default\""),
            },
            Note = p.Note,
        };
    }

    static SupportCap ToCap(string kindId, CapDto c) => new(
        c.AmountVnd ?? throw Malformed($"loại hỗ trợ {kindId}: thiếu cap.amountVnd"),
        c.Per switch
        {
            null or "application" => CapUnit.Application,
            "person" => CapUnit.Person,
            _ => throw Malformed($"loại hỗ trợ {kindId}: cap.per phải là \"application\" hoặc \"person\""),
        },
        c.Source switch
        {
            "plan" => CapSource.Plan,
            "nq-54-2021" => CapSource.Resolution54,
            "department-default" => CapSource.DepartmentDefault,
            _ => throw Malformed($"loại hỗ trợ {kindId}: cap.source phải là \"plan\", \"nq-54-2021\" hoặc \"department-default\""),
        },
        c.Note);

    static BudgetLine ToLine(LineDto l) => new(
        Required(l.Id, "budget.lines[].id"),
        Required(l.Name, "budget.lines[].name"),
        l.LeadUnit,
        l.FundingNote,
        new ReadOnlyDictionary<int, decimal?>(new Dictionary<int, decimal?>(l.Amounts ?? [])),
        l.PrintedTotal,
        Array.AsReadOnly((l.Items ?? []).Select(ToLine).ToArray()))
    {
        Funding = l.Funding switch
        {
            null or "plan" => LineFunding.Plan,
            "integrated" => LineFunding.Integrated,
            _ => throw Malformed($"dòng {l.Id}: funding phải là \"plan\" hoặc \"integrated\""),
        },
        FundedFrom = string.IsNullOrWhiteSpace(l.FundedFrom) ? null : l.FundedFrom,
        ShortName = string.IsNullOrWhiteSpace(l.ShortName) ? null : l.ShortName.Trim(),
        YearlyQuantities = Array.AsReadOnly((l.YearlyQuantities ?? []).Select(q => ToQuantity(l.Id, q)).ToArray()),
    };

    static YearlyQuantity ToQuantity(string? lineId, QuantityDto q) => new(
        Required(q.Id, "yearlyQuantities[].id"),
        Required(q.Text, "yearlyQuantities[].text"),
        q.Qualifier switch
        {
            "about" => QuantityQualifier.About,
            "average" => QuantityQualifier.Average,
            "atLeast" => QuantityQualifier.AtLeast,
            _ => throw Malformed($"dòng {lineId}: yearlyQuantities[].qualifier phải là \"about\", \"average\" hoặc \"atLeast\""),
        },
        q.Value ?? throw Malformed($"dòng {lineId}: thiếu yearlyQuantities[].value"),
        Required(q.Unit, "yearlyQuantities[].unit"),
        new ReadOnlyDictionary<int, decimal>(new Dictionary<int, decimal>(q.ByYear ?? [])),
        q.UnitCostVnd);

    static ProgrammeTarget ToTarget(TargetDto t) => new(
        Required(t.Id, "targets[].id"),
        t.Section ?? string.Empty,
        Required(t.Text, "targets[].text"),
        t.Comparison switch
        {
            "atLeast" => TargetComparison.AtLeast,
            "greaterThan" => TargetComparison.GreaterThan,
            _ => throw Malformed($"chỉ tiêu {t.Id}: comparison phải là \"atLeast\" hoặc \"greaterThan\""),
        },
        t.Value ?? throw Malformed($"chỉ tiêu {t.Id}: thiếu value"),
        Required(t.Unit, "targets[].unit"),
        t.ByYear ?? throw Malformed($"chỉ tiêu {t.Id}: thiếu byYear"),
        t.BudgetLineId)
    {
        Measure = t.Measure is { } m ? ToMeasure(t.Id, m) : null,
    };

    static TargetMeasure ToMeasure(string? targetId, MeasureDto m) => new TargetMeasure(
        m.Count switch
        {
            "applications" => TargetCount.Applications,
            "enterprises" => TargetCount.Enterprises,
            "persons" => TargetCount.Persons,
            "activityOutputs" => TargetCount.ActivityOutputs,
            _ => throw Malformed($"chỉ tiêu {targetId}: measure.count phải là \"applications\", \"enterprises\", \"persons\" hoặc \"activityOutputs\""),
        },
        m.Stage switch
        {
            "approved" => TargetStage.Approved,
            "completed" => TargetStage.Completed,
            _ => throw Malformed($"chỉ tiêu {targetId}: measure.stage phải là \"approved\" hoặc \"completed\""),
        },
        Array.AsReadOnly((m.KindIds ?? []).ToArray()),
        m.Note)
    {
        OutputKinds = Array.AsReadOnly((m.OutputKinds ?? []).Select(k => Activities.ActivityOutputKinds.TryParse(k, out var kind)
            ? kind
            : throw Malformed($"chỉ tiêu {targetId}: measure.outputKinds có loại kết quả \"{k}\" không hợp lệ")).ToArray()),
    };

    static WorkflowPolicy Merge(PolicyDto d, PolicyDto? o) => new(
        o?.CompletenessReviewWorkingDays ?? d.CompletenessReviewWorkingDays ?? 5,
        o?.SupplementationWorkingDays ?? d.SupplementationWorkingDays ?? 10,
        o?.AppraisalWorkingDays ?? d.AppraisalWorkingDays ?? 15,
        o?.ApprovalWorkingDays ?? d.ApprovalWorkingDays ?? 10,
        o?.CheckInCount ?? d.CheckInCount ?? 2,
        o?.CheckInIntervalMonths ?? d.CheckInIntervalMonths ?? 3,
        Array.AsReadOnly(o?.ReminderOffsetDays ?? d.ReminderOffsetDays ?? [-5, -1, 0, 3]),
        o?.EscalationDelayWorkingDays ?? d.EscalationDelayWorkingDays ?? 5,
        o?.FinalEvaluationWorkingDays ?? d.FinalEvaluationWorkingDays ?? 20)
    {
        AppraisersRequired = o?.AppraisersRequired ?? d.AppraisersRequired ?? 1,
        DecisionSigningWorkingDays = o?.DecisionSigningWorkingDays ?? d.DecisionSigningWorkingDays ?? 5,
        PaymentWorkingDays = o?.PaymentWorkingDays ?? d.PaymentWorkingDays ?? 10,
    };

    static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Malformed($"thiếu trường {field}") : value;

    static InvalidDataException Malformed(string what) => new($"Tệp danh mục không hợp lệ: {what}.");
}
