using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;
using NsclWorkflows.Domain.Catalogue;

namespace NsclWorkflows.Api.Lifecycle;

/// <summary>
/// What the officers' programme views (budget, targets) check first: an officer (else 401), and the optional
/// <c>?year=</c>: absent, or a year from the programme's first to ten years after its last; anything else is a 422
/// with a reason rather than being ignored.
/// </summary>
public static class ProgrammeViewQuery
{
    public static bool TryRead(HttpRequest request, OfficerAuthenticator officers, ProgrammeCatalogue catalogue, out int? year, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(officers);
        ArgumentNullException.ThrowIfNull(catalogue);
        year = null;
        problem = null;
        if (officers.Authenticate(request) is null)
        {
            problem = ApiProblem.UnauthorizedProblem();
            return false;
        }

        var text = request.Query["year"].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        var (first, last) = (catalogue.Programme.Years.Min(), catalogue.Programme.Years.Max() + 10);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= first && y <= last)
        {
            year = y;
            return true;
        }

        problem = ApiProblem.Problem(StatusCodes.Status422UnprocessableEntity, "invalid_year", "Năm không hợp lệ",
            $"Năm phải là số từ {first} đến {last}.");
        return false;
    }
}
