using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Documents;
using NsclWorkflows.Domain.Lifecycle;
using NsclWorkflows.Infrastructure.Documents;

namespace NsclWorkflows.Infrastructure.Tests.Documents;

/// <summary>The per-application documents built from a recorded lifecycle are valid Word files that say what was decided.</summary>
public sealed class LifecycleDocumentsTests
{
    internal static readonly ProgrammeCatalogue Catalogue = EmbeddedCatalogue.Load();
    static readonly OfficialDocumentBuilder Builder = new();

    [Fact]
    public void Decision_FromAnApprovedApplication_IsValidAndCarriesAmountYearAndEachCheckIn()
    {
        var application = Approved();

        using var doc = new WordReader(Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, Catalogue)));

        Assert.Empty(doc.ValidationErrors());
        var text = doc.AllText() + string.Join("\n", doc.Tables().SelectMany(t => t).SelectMany(r => r));
        Assert.Contains("Công ty TNHH Ánh Dương <Đà Nẵng> & Cộng sự", text, StringComparison.Ordinal);
        Assert.Contains("300.000.000", text, StringComparison.Ordinal);
        Assert.Contains("IV.1", text, StringComparison.Ordinal);
        Assert.Contains("2025", text, StringComparison.Ordinal);
        Assert.Contains("15/04/2026", text, StringComparison.Ordinal);
        Assert.Contains("15/07/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_ForSupportFundedElsewhere_NamesTheSourceInsteadOfAnAmountOfThePlan()
    {
        var application = Approved();
        var kind = Catalogue.FindKind("e-commerce")!;
        application.RouteTo(Catalogue, kind);

        using var doc = new WordReader(Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, Catalogue)));

        Assert.Empty(doc.ValidationErrors());
        var text = doc.AllText();
        Assert.Contains("4. Kinh phí hỗ trợ: kinh phí lồng ghép từ Kế hoạch số 121/KH-UBND", text, StringComparison.Ordinal);
        Assert.DoesNotContain("300.000.000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kinh phí sự nghiệp khoa học và công nghệ năm", text, StringComparison.Ordinal);
        Assert.Contains("IV.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_ForAPublicBodysNominees_ListsThePersonsWithoutAnEnterpriseCode()
    {
        var at = new DateTimeOffset(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);
        var application = new Application("cccccccccccccccccccccccccc", "NSCL-2026-EXP001",
            new ApplicationSubmission(string.Empty, "Sở Xây dựng thành phố Đà Nẵng", "Trần Thị Ánh", "anh@danang.gov.vn", "0236 3822 000",
                "expert-training", "Cử công chức đào tạo chuyên gia năng suất", "Cử hai công chức tham gia khóa đào tạo.", 40_000_000)
            {
                OrganisationType = OrganisationTypes.PublicBody,
                Nominees = [new Nominee("Lê Văn Cường", "Sở Xây dựng thành phố Đà Nẵng", "Phó Trưởng phòng"), new Nominee("Phan Thị Dung", "Sở Xây dựng thành phố Đà Nẵng", null)],
            },
            Catalogue.Version, at, at.AddDays(7));
        application.RouteTo(Catalogue, Catalogue.FindKind("expert-training")!);
        application.Lifecycle.Approval = new ApprovalRecord("Lê Lãnh Đạo", 40_000_000, 2026, "Đồng ý.", at.AddDays(30));

        using var doc = new WordReader(Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(application, Catalogue)));

        var text = doc.AllText();
        Assert.Contains("1. Đơn vị được hỗ trợ: Sở Xây dựng thành phố Đà Nẵng.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mã số doanh nghiệp", text, StringComparison.Ordinal);
        Assert.Contains("- Lê Văn Cường, Phó Trưởng phòng, Sở Xây dựng thành phố Đà Nẵng", text, StringComparison.Ordinal);
        Assert.Contains("- Phan Thị Dung, Sở Xây dựng thành phố Đà Nẵng", text, StringComparison.Ordinal);
        Assert.Contains("40.000.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AppraisalAndMinutes_FromTheRecordedSteps_AreValidAndCarryScoresAndOutcome()
    {
        var application = Evaluated();

        using var appraisal = new WordReader(Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(application, Catalogue)));
        using var minutes = new WordReader(Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(application, Catalogue)));

        Assert.Empty(appraisal.ValidationErrors());
        Assert.Empty(minutes.ValidationErrors());
        var appraisalText = appraisal.AllText() + string.Join("\n", appraisal.Tables().SelectMany(t => t).SelectMany(r => r));
        Assert.Contains("Tính khả thi", appraisalText, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thẩm Định", appraisalText, StringComparison.Ordinal);
        var minutesText = minutes.AllText() + string.Join("\n", minutes.Tables().SelectMany(t => t).SelectMany(r => r));
        Assert.Contains("280.000.000", minutesText, StringComparison.Ordinal);
        Assert.Contains("Kết quả áp dụng 5S", minutesText, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_FromAnApprovedApplication_CitesCompetenceAndProposalSendsToNhưĐiều3AndNamesTheContactPerson()
    {
        using var doc = new WordReader(Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(Approved(), Catalogue)));
        var paragraphs = doc.Paragraphs();
        var text = string.Join("\n", paragraphs);

        var bases = paragraphs.Where(p => p.StartsWith("Căn cứ ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("Căn cứ Quyết định của Ủy ban nhân dân thành phố Đà Nẵng quy định chức năng, nhiệm vụ, quyền hạn", bases[0], StringComparison.Ordinal);
        Assert.Contains("Theo đề nghị của Trưởng phòng Quản lý khoa học.", paragraphs);
        Assert.Contains("Người liên hệ: Trần Thị Ánh.", paragraphs);
        Assert.DoesNotContain("Người đại diện", text, StringComparison.Ordinal);
        var line = Catalogue.Programme.FindLine("IV.1")!;
        Assert.Contains($"5. Nguồn kinh phí: kinh phí sự nghiệp khoa học và công nghệ năm 2025, nội dung IV.1 “{line.ShortName}”.", paragraphs);
        Assert.DoesNotContain(line.Name, text, StringComparison.Ordinal);
        var recipients = paragraphs.SkipWhile(p => p != "Nơi nhận:").Skip(1).TakeWhile(p => p.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["- Như Điều 3;", "- Giám đốc Sở (để b/c);", "- Kho bạc Nhà nước thành phố Đà Nẵng;", "- Lưu: VT, QLKH."], recipients);
    }

    [Fact]
    public void Appraisal_ByOfficersWithoutACouncil_NamesEachCánBộThẩmĐịnhAndNoChair()
    {
        using var doc = new WordReader(Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(Evaluated(), Catalogue)));
        var text = doc.AllText() + string.Join("\n", doc.Tables().SelectMany(t => t).SelectMany(r => r));

        Assert.Contains("1. Nguyễn Thẩm Định – Cán bộ thẩm định.", doc.Paragraphs());
        Assert.Contains("CÁN BỘ THẨM ĐỊNH", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chủ tịch", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hội đồng", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Minutes_FromARecordedEvaluation_CloseAtTheRecordedTimeAndShowScoresWithoutAnInventedPassMark()
    {
        using var doc = new WordReader(Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(Evaluated(), Catalogue)));
        var paragraphs = doc.Paragraphs();

        Assert.Contains(paragraphs, p => p.StartsWith("Hôm nay, ngày 01 tháng 8 năm 2026, tại Sở Khoa học và Công nghệ thành phố Đà Nẵng", StringComparison.Ordinal));
        Assert.Contains("Cuộc họp kết thúc lúc 10 giờ 00 phút cùng ngày.", paragraphs);
        var results = doc.Tables().Single(t => t[0].SequenceEqual(["TT", "Tiêu chí", "Điểm tối đa", "Điểm đánh giá"]));
        Assert.Equal(["1", "Kết quả áp dụng 5S", "100 điểm", "40 điểm"], results[1]);
        Assert.DoesNotContain(doc.Tables().SelectMany(t => t).SelectMany(r => r), c => c == "Không đạt");
        Assert.Contains("Hội đồng thống nhất đánh giá nhiệm vụ: ĐẠT.", paragraphs);
    }

    [Fact]
    public void AppraisalAndMinutes_ScoredAgainstTheRubrics_StateTheResultTheCommentsAndEachMandatoryCriterionsVerdict()
    {
        var application = Approved();
        var appraisalRubric = Catalogue.Rubrics.Single(r => r.Id == "nscl-tham-dinh");
        var sheet = appraisalRubric.Criteria.Select(c => new NsclWorkflows.Domain.Lifecycle.CriterionScore(c.Name, c.MaxScore * 0.8m, c.MaxScore)
            { CriterionId = c.Id, Comment = c.Id == "hieu-qua" ? "Chỉ tiêu <năng suất> đo được & rõ ràng" : null }).ToList();
        application.Lifecycle.AppraisalsList.Clear();
        application.Lifecycle.AppraisalsList.Add(new AppraisalRecord("Nguyễn Thẩm Định", sheet, 80, true, 300_000_000, "Khả thi.", application.SubmittedAtUtc.AddDays(20)));
        application.Lifecycle.AppraisalOutcome = appraisalRubric.Assess([sheet]);
        var evaluationRubric = Catalogue.Rubrics.Single(r => r.Id == "nscl-nghiem-thu");
        // 70/100 in all, but "chi-tieu" (mandatory, at least 15) has 10: not passed, and the minutes say which.
        var evaluation = evaluationRubric.Criteria.Select(c => new NsclWorkflows.Domain.Lifecycle.CriterionScore(c.Name, c.Id == "chi-tieu" ? 10 : c.MaxScore * 0.75m + (c.Id == "khoi-luong" ? 7.5m : 0), c.MaxScore)).ToList();
        application.Lifecycle.Evaluation = new EvaluationRecord("Lãnh đạo Sở", false, evaluation, 0, "Không đạt chỉ tiêu.", new DateTimeOffset(2026, 8, 1, 3, 0, 0, TimeSpan.Zero))
        {
            Outcome = evaluationRubric.Assess([evaluation]),
        };

        using var appraisal = new WordReader(Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(application, Catalogue)));
        using var minutes = new WordReader(Builder.BuildEvaluationMinutes(ApplicationDocumentMapper.Minutes(application, Catalogue)));

        Assert.Empty(appraisal.ValidationErrors());
        Assert.Empty(minutes.ValidationErrors());
        var paragraphs = appraisal.Paragraphs();
        Assert.Contains("Kết quả theo phiếu đánh giá: 80/100 điểm, đạt (ngưỡng 70 điểm).", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("- Hiệu quả dự kiến về năng suất", StringComparison.Ordinal) && p.Contains("Chỉ tiêu <năng suất> đo được & rõ ràng", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Theo phiếu đánh giá, hồ sơ đạt yêu cầu", StringComparison.Ordinal));
        var results = minutes.Tables().Single(t => t[0].SequenceEqual(["TT", "Tiêu chí", "Điểm tối đa", "Điểm đánh giá", "Đánh giá"]));
        Assert.Equal(["2", "Mức độ đạt các chỉ tiêu năng suất, chất lượng đã đăng ký", "30 điểm", "10 điểm", "Không đạt"], results[2]);
        Assert.Equal("Đạt", results[1][4]);
        Assert.Equal("–", results[3][4]); // not mandatory: no minimum, no verdict of its own
    }

    [Fact]
    public void Decision_WithTheFormsParticulars_PrintsTheLegalRepresentativeApartFromTheContactWithAddressOwnContributionAndDuration()
    {
        using var doc = new WordReader(Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(WithParticulars(Approved()), Catalogue)));
        var paragraphs = doc.Paragraphs();

        Assert.Empty(doc.ValidationErrors());
        Assert.Contains("Người đại diện theo pháp luật: Trần Văn Minh, Giám đốc.", paragraphs);
        Assert.Contains("Người liên hệ: Trần Thị Ánh.", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("Người đại diện", StringComparison.Ordinal) && p.Contains("Trần Thị Ánh", StringComparison.Ordinal));
        Assert.Contains("Địa chỉ: Lô 12, đường số 3, Khu công nghiệp Hòa Khánh, phường Hòa Khánh, thành phố Đà Nẵng.", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Kinh phí đối ứng của Công ty TNHH Ánh Dương <Đà Nẵng> & Cộng sự: 100.000.000 đồng; tổng kinh phí thực hiện nhiệm vụ: 400.000.000 đồng", StringComparison.Ordinal));
        // 12 months from the approval (14/02/2026) end after the last check-in (15/07/2026).
        Assert.Contains("6. Thời gian thực hiện: 12 tháng, từ ngày 14/02/2026 đến ngày 14/02/2027.", paragraphs);
    }

    [Fact]
    public void Appraisal_WithTheFormsParticulars_TabulatesRepresentativeContactSectorSizeAndOwnContribution()
    {
        var application = WithParticulars(Approved());

        using var doc = new WordReader(Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(application, Catalogue)));

        Assert.Empty(doc.ValidationErrors());
        var rows = doc.Tables().SelectMany(t => t).Where(r => r.Count == 2).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("Trần Văn Minh, Giám đốc", rows["Người đại diện theo pháp luật"]);
        Assert.Equal("Trần Thị Ánh", rows["Người liên hệ"]);
        Assert.Equal("Quận Liên Chiểu (địa bàn trước 01/07/2025)", rows["Địa bàn"]);
        Assert.Equal("25 – Sản xuất sản phẩm từ kim loại đúc sẵn (trừ máy móc, thiết bị)", rows["Ngành kinh tế chính (VSIC 2018)"]);
        Assert.Equal("45 lao động; doanh thu năm trên 10 tỷ đến 50 tỷ đồng", rows["Quy mô"]);
        Assert.Equal("100.000.000 đồng", rows["Kinh phí đối ứng của doanh nghiệp"]);
        Assert.Equal("12 tháng", rows["Thời gian thực hiện"]);
    }

    [Fact]
    public void Decision_WithCoFunding_ListsTheFundingSourcesWithTheTotalCost()
    {
        var application = WithParticulars(Approved());
        var coFunded = application.Submission with
        {
            CoFunding = [new CoFundingSource("khuyen-cong", "Chương trình khuyến công thành phố Đà Nẵng", 50_000_000), new CoFundingSource("khac", "Quỹ <Đổi mới> & Công nghệ", 30_000_000)],
        };
        var copy = Application.RestoreLifecycle(new Application(application.Id, application.TrackingCode, coFunded, application.CatalogueVersion, application.SubmittedAtUtc,
            application.CompletenessDeadlineUtc), application.Lifecycle, application.LastSequence);

        using var decision = new WordReader(Builder.BuildApprovalDecision(ApplicationDocumentMapper.Decision(copy, Catalogue)));
        using var appraisal = new WordReader(Builder.BuildAppraisalRecord(ApplicationDocumentMapper.Appraisal(copy, Catalogue)));

        Assert.Empty(decision.ValidationErrors());
        var paragraphs = decision.Paragraphs().ToList();
        var start = paragraphs.IndexOf("Tổng kinh phí thực hiện nhiệm vụ: 480.000.000 đồng, trong đó:");
        Assert.True(start > 0, string.Join("\n", paragraphs));
        Assert.Equal([
            "- Kinh phí hỗ trợ từ ngân sách nhà nước theo Kế hoạch số 37/KH-UBND: 300.000.000 đồng;",
            "- Kinh phí đối ứng của Công ty TNHH Ánh Dương <Đà Nẵng> & Cộng sự: 100.000.000 đồng;",
            "- Kinh phí lồng ghép từ chương trình, nguồn khác: 80.000.000 đồng, gồm:",
            "+ Chương trình khuyến công thành phố Đà Nẵng: 50.000.000 đồng;",
            "+ Quỹ <Đổi mới> & Công nghệ: 30.000.000 đồng.",
        ], paragraphs.Skip(start + 1).Take(5));
        Assert.StartsWith("5. Nguồn kinh phí:", paragraphs[start + 6], StringComparison.Ordinal);
        var rows = appraisal.Tables().SelectMany(t => t).Where(r => r.Count == 2).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("Chương trình khuyến công thành phố Đà Nẵng: 50.000.000 đồng; Quỹ <Đổi mới> & Công nghệ: 30.000.000 đồng", rows["Kinh phí lồng ghép từ chương trình, nguồn khác"]);
    }

    /// <summary>The application with what the form collects since it asks for the legal representative, address, sector, size, own contribution and duration.</summary>
    internal static Application WithParticulars(Application application)
    {
        var s = application.Submission with
        {
            LegalRepresentativeName = "Trần Văn Minh",
            LegalRepresentativePosition = "Giám đốc",
            Address = "Lô 12, đường số 3, Khu công nghiệp Hòa Khánh, phường Hòa Khánh",
            DistrictId = "lien-chieu",
            SectorCode = "25",
            Employees = 45,
            RevenueBandId = "tren-10-den-50-ty",
            OwnContributionVnd = 100_000_000,
            DurationMonths = 12,
        };
        var copy = new Application(application.Id, application.TrackingCode, s, application.CatalogueVersion, application.SubmittedAtUtc, application.CompletenessDeadlineUtc);
        return Application.RestoreLifecycle(copy, application.Lifecycle, application.LastSequence);
    }

    /// <summary><see cref="Approved"/>, then evaluated (passed) with one scored criterion, at 10:00 in Đà Nẵng on 01/08/2026.</summary>
    internal static Application Evaluated()
    {
        var application = Approved();
        application.Lifecycle.Evaluation = new EvaluationRecord("Lãnh đạo Sở", true, [new NsclWorkflows.Domain.Lifecycle.CriterionScore("Kết quả áp dụng 5S", 40, 100)],
            280_000_000, "Đạt yêu cầu.", new DateTimeOffset(2026, 8, 1, 3, 0, 0, TimeSpan.Zero));
        return application;
    }

    internal static Application Approved()
    {
        var at = new DateTimeOffset(2026, 1, 15, 3, 0, 0, TimeSpan.Zero);
        var application = new Application("aaaaaaaaaaaaaaaaaaaaaaaaaa", "NSCL-2026-ABC123",
            new ApplicationSubmission("0401234567", "Công ty TNHH Ánh Dương <Đà Nẵng> & Cộng sự", "Trần Thị Ánh", "anh@anhduong.vn", "0236 3822 000",
                "productivity-tools", "Áp dụng 5S và Kaizen", "Triển khai 5S, Kaizen tại xưởng may.", 300_000_000),
            Catalogue.Version, at, at.AddDays(7));
        var state = application.Lifecycle;
        state.Unit = Units.ScienceAndTechnology;
        state.BudgetLineId = "IV.1";
        state.AppraisalsList.Add(new AppraisalRecord("Nguyễn Thẩm Định", [new NsclWorkflows.Domain.Lifecycle.CriterionScore("Tính khả thi", 35, 40)], 35, true, 300_000_000,
            "Khả thi.", at.AddDays(20)));
        state.RecommendedAmountVnd = 300_000_000;
        state.Approval = new ApprovalRecord("Lê Lãnh Đạo", 300_000_000, 2025, "Đồng ý.", at.AddDays(30));
        state.CheckInsList.Add(new CheckInRecord { Number = 1, DueUtc = new DateTimeOffset(2026, 4, 15, 16, 59, 59, TimeSpan.Zero) });
        state.CheckInsList.Add(new CheckInRecord { Number = 2, DueUtc = new DateTimeOffset(2026, 7, 15, 16, 59, 59, TimeSpan.Zero) });
        return application;
    }
}
