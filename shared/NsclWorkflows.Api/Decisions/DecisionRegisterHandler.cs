using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Lifecycle;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Calendar;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Decisions;

namespace NsclWorkflows.Api.Decisions;

/// <summary>
/// <c>GET /api/decisions[?year=2026]</c> (officers): the year's decision register (sổ văn bản), in number order: number
/// and symbol, signing date, signer, the application's tracking code and the decision's kind. Without <c>year</c>, the
/// current year (Vietnam time). An officer sees the decisions of the applications of the unit they cover (admins: all),
/// as for the applications themselves.
/// </summary>
public sealed class DecisionRegisterHandler(IDecisionRegister register, OfficerAuthenticator officers, ProgrammeCatalogue catalogue, TimeProvider time)
{
    public async Task<Results<ApiOk<DecisionRegisterView>, ProblemHttpResult>> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ProgrammeViewQuery.TryRead(request, officers, catalogue, out var asked, out var problem))
        {
            return problem!;
        }

        var officer = officers.Authenticate(request)!;
        var year = asked ?? time.GetUtcNow().ToOffset(DeadlinePlanner.VietnamOffset).Year;
        var entries = await register.ListAsync(year, cancellationToken);
        return ApiResults.Ok(new DecisionRegisterView(year, [.. entries.Where(e => officer.Covers(e.Unit)).Select(View)]));
    }

    static RegisteredDecisionView View(RegisteredDecision d) => new(d.Number, d.NumberAndSymbol, d.SignedOn, d.SignerName, d.SignerTitle, d.ApplicationId,
        d.TrackingCode, d.Kind, DecisionKinds.Vietnamese(d.Kind), d.RecordedBy, d.RecordedAtUtc);
}

/// <summary>The decision register of one year, as the caller may see it.</summary>
public sealed record DecisionRegisterView(int Year, IReadOnlyList<RegisteredDecisionView> Items);

/// <summary>One line of the register: "15/QĐ-SKHCN", signed on, by whom, for which application, of which kind.</summary>
public sealed record RegisteredDecisionView(int Number, string NumberAndSymbol, DateOnly SignedOn, string SignerName, string SignerTitle,
    string ApplicationId, string TrackingCode, string Kind, string KindTitle, string RecordedBy, DateTimeOffset RecordedAtUtc);
