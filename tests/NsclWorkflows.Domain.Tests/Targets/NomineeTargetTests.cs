using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;
using S = NsclWorkflows.Domain.Applications.ApplicationStatus;

namespace NsclWorkflows.Domain.Tests.Targets;

/// <summary>The target "experts certified" counts the persons nominated in completed expert-training applications.</summary>
public class NomineeTargetTests
{
    static readonly ProgrammeCatalogue Shipped = EmbeddedCatalogue.Load();
    static readonly DateTimeOffset At = new(2024, 4, 1, 2, 0, 0, TimeSpan.Zero);

    static Application Stored(string id, S status, int nominees, string code = "")
    {
        var submission = new ApplicationSubmission(code, "Sở Khoa học và Công nghệ thành phố Đà Nẵng", "Trần Thị B", "b@example.vn", "0912345678",
            "expert-training", "Cử công chức đào tạo chuyên gia năng suất", "Tóm tắt", 20_000_000L * Math.Max(1, nominees))
        {
            OrganisationType = code.Length == 0 ? OrganisationTypes.PublicBody : null,
            Nominees = nominees == 0 ? null : [.. Enumerable.Range(1, nominees).Select(i => new Nominee($"Chuyên viên {i}", "Sở Khoa học và Công nghệ", null))],
        };
        var created = new Application(id.PadRight(26, 'a'), "NSCL-2024-" + id, submission, Shipped.Version, At, At.AddDays(5));
        return Application.Restore(created, status, At, At, "Lãnh đạo", null, At);
    }

    [Fact]
    public void Calculate_ExpertsFromStoredApplications_CountsTheNomineesOfCompletedOnes()
    {
        Application[] applications =
        [
            Stored("a", S.Completed, 3),                  // a public body's three civil servants
            Stored("b", S.Completed, 2, "0401234567"),    // an enterprise's two employees
            Stored("c", S.InImplementation, 4),           // in training: pending
            Stored("d", S.Completed, 0),                  // filed before nominee lists: one person
        ];

        var experts = TargetProgressCalculator.Calculate(Shipped, applications.Select(TargetRecord.Of)).Single(p => p.Target.Id == "experts-certified");

        Assert.Equal((6m, 4m), (experts.Achieved, experts.Pending));
        Assert.Equal([3, 2, 4, 1], applications.Select(a => TargetRecord.Of(a).Persons));
    }
}
