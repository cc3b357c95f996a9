using System.Text.Json;
using System.Text.Json.Nodes;

namespace NsclWorkflows.Local.Email;

/// <summary>
/// A SendGrid-compatible capture endpoint for Development, so the real SendGrid client can be used without the
/// internet: <c>POST /dev/sendgrid/v3/mail/send</c> (Bearer key required, validated like SendGrid, stored, 202), the
/// outbox (<c>GET /dev/outbox</c>, <c>/dev/outbox.json</c>, <c>DELETE /dev/outbox</c>) and fault injection
/// (<c>POST /dev/sendgrid/faults</c> <c>{"status":429,"count":2}</c>, <c>DELETE /dev/sendgrid/faults</c>).
/// The host maps these only when ASPNETCORE_ENVIRONMENT=Development.
/// </summary>
public static class SendGridCaptureEndpoints
{
    /// <summary>Give this (with the host's address before it) as <c>Nscl:Email:BaseUrl</c>.</summary>
    public const string BasePath = "/dev/sendgrid";
    public const string OutboxPath = "/dev/outbox";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddSendGridCapture(this IServiceCollection services)
    {
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<CaptureFaults>();
        return services;
    }

    public static IEndpointRouteBuilder MapSendGridCapture(this IEndpointRouteBuilder app)
    {
        app.MapPost(BasePath + "/v3/mail/send", SendAsync);
        app.MapPost(BasePath + "/faults", PlanFaultsAsync);
        app.MapDelete(BasePath + "/faults", (CaptureFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapGet(OutboxPath, async (HttpContext http, OutboxStore outbox, CancellationToken ct) =>
        {
            var messages = await outbox.ListAsync(Limit(http.Request), ct);
            http.Response.Headers.ContentSecurityPolicy = OutboxPage.ContentSecurityPolicy;
            return Results.Content(OutboxPage.Render(messages), "text/html; charset=utf-8");
        });
        app.MapGet(OutboxPath + ".json", async (HttpRequest request, OutboxStore outbox, CancellationToken ct) =>
            Results.Json(await outbox.ListAsync(Limit(request), ct), Json));
        app.MapDelete(OutboxPath, async (OutboxStore outbox, CancellationToken ct) =>
        {
            await outbox.ClearAsync(ct);
            return Results.NoContent();
        });
        return app;
    }

    static async Task<IResult> SendAsync(HttpContext http, OutboxStore outbox, CaptureFaults faults, CancellationToken ct)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization["Bearer ".Length..].Trim().Length == 0)
        {
            return Errors(StatusCodes.Status401Unauthorized, new SendGridError("authorization required", null));
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return Errors(StatusCodes.Status400BadRequest, new SendGridError("Bad Request", null));
        }

        if (body is not JsonObject message)
        {
            return Errors(StatusCodes.Status400BadRequest, new SendGridError("Bad Request", null));
        }

        if (faults.TryTakeNext(Recipients(message), out var fault))
        {
            if (fault!.DelayMilliseconds > 0)
            {
                await Task.Delay(fault.DelayMilliseconds, ct);
            }

            return Errors(fault.Status, new SendGridError(FaultMessage(fault.Status), null));
        }

        using (var document = JsonDocument.Parse(message.ToJsonString()))
        {
            var errors = SendGridRequestValidator.Validate(document.RootElement);
            if (errors.Count > 0)
            {
                return Errors(StatusCodes.Status400BadRequest, [.. errors]);
            }
        }

        var captured = await outbox.AddAsync(message, ct);
        http.Response.Headers["X-Message-Id"] = captured.Id;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    static async Task<IResult> PlanFaultsAsync(HttpRequest request, CaptureFaults faults, CancellationToken ct)
    {
        FaultPlan? plan;
        try
        {
            plan = await request.ReadFromJsonAsync<FaultPlan>(Json, ct);
        }
        catch (JsonException)
        {
            plan = null;
        }

        if (plan is null || plan.Status is < 400 or > 599 || plan.Count is < 1 or > 1000 || plan.DelayMs is < 0 or > 120_000)
        {
            return Results.BadRequest(new { error = "expected {\"status\": 400..599, \"count\": 1..1000, \"delayMs\": 0..120000, \"to\"?: address}" });
        }

        faults.Plan(new CaptureFault(plan.Status, plan.DelayMs, string.IsNullOrWhiteSpace(plan.To) ? null : plan.To.Trim()), plan.Count);
        return Results.Json(new { pending = faults.Pending }, Json);
    }

    /// <summary>Every "to" address of the message's personalizations.</summary>
    static List<string> Recipients(JsonObject message) =>
        message["personalizations"] is JsonArray personalizations
            ? [.. personalizations.OfType<JsonObject>().SelectMany(p => p["to"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(to => to["email"] is JsonValue value && value.TryGetValue<string>(out var email) ? email : null).OfType<string>()]
            : [];

    static IResult Errors(int status, params SendGridError[] errors) => Results.Json(new { errors }, Json, statusCode: status);

    static string FaultMessage(int status) => status switch
    {
        429 => "too many requests",
        >= 500 => "internal server error (injected fault)",
        401 => "The provided authorization grant is invalid, expired, or revoked",
        403 => "access forbidden",
        _ => "bad request (injected fault)",
    };

    static int Limit(HttpRequest request) =>
        int.TryParse(request.Query["limit"], out var limit) ? Math.Clamp(limit, 1, MaxListed) : 100;

    /// <summary>The most messages one listing returns (a fault campaign of a hundred lifecycles captures about 900).</summary>
    public const int MaxListed = 5000;

    sealed record FaultPlan(int Status, int Count = 1, int DelayMs = 0, string? To = null);
}
