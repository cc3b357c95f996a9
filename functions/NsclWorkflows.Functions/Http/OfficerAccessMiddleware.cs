using Microsoft.AspNetCore.Http;
using NsclWorkflows.Api.Officers;

namespace NsclWorkflows.Functions.Http;

/// <summary>
/// Before any HTTP function: a request carrying an officer credential the app does not trust now (in particular
/// <c>X-MS-CLIENT-PRINCIPAL</c> while App Service Authentication is off) is answered 401 with
/// <see cref="OfficerAccess.UnavailableCode"/> and never reaches a handler.
/// </summary>
public sealed class OfficerAccessMiddleware(OfficerAccess access) : RefusingMiddleware
{
    protected override IResult? Refusal(HttpRequest request) => access.Refusal(request);
}
