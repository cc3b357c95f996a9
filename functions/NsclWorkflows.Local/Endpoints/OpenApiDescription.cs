using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NsclWorkflows.Api;
using NsclWorkflows.Api.Applications;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Api.Officers;

namespace NsclWorkflows.Local.Endpoints;

/// <summary>
/// The OpenAPI document of the HTTP API (<c>GET /openapi/v1.json</c>, anonymous), generated from the endpoints'
/// metadata (<see cref="ApiEndpoints"/>): request bodies, responses, problem responses, who may call each operation.
/// It holds the <c>/api</c> routes only (not the sign-in routes, not the development pages), and no server address,
/// so it is the same from every host; <c>docs/openapi.json</c> is a copy (regenerate: <c>./scripts/openapi.sh</c>).
/// </summary>
public static class OpenApiDescription
{
    public const string DocumentName = "v1";
    public const string Path = "/openapi/" + DocumentName + ".json";

    public const string OfficerSignIn = "officerSignIn";
    public const string OfficerEntraId = "officerEntraId";
    public const string EnterpriseAccessToken = "enterpriseAccessToken";
    public const string LinkAccessToken = "linkAccessToken";

    public static IServiceCollection AddNsclOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                Secure(operation, context);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(ProblemDetails))
                {
                    DescribeProblem(schema);
                }

                return Task.CompletedTask;
            });
        });

    public static IEndpointConventionBuilder MapNsclOpenApi(this IEndpointRouteBuilder app) =>
        app.MapOpenApi(Path).AllowAnonymous();

    static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "NSCL Workflows API — Chương trình hỗ trợ nâng cao năng suất chất lượng (Sở KH&CN Đà Nẵng)",
            Version = DocumentName,
            Description =
                "Hồ sơ đề nghị hỗ trợ của doanh nghiệp, xử lý của cán bộ (thẩm định, phê duyệt, giải ngân), ngân sách, "
                + "chỉ tiêu và hoạt động của Chương trình. / The NSCL programme's API: enterprise applications and their "
                + "lifecycle, officers' work, budget, targets and programme activities.\n\n"
                + "Errors are `application/problem+json` (RFC 9457) with a stable English `code`, Vietnamese `title` and "
                + "`detail`, and `errors[]` (field, code, message) when fields are at fault. Officers' state-changing "
                + "requests must come from the same site (Origin / Sec-Fetch-Site), or carry no officer credentials.",
        };

        // No server address: the document is the same from every host (relative to the host that serves it).
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [OfficerSignIn] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "nscl-officer",
                Description = "Cán bộ đăng nhập trên máy chủ độc lập (OpenID Connect tại /auth/sign-in). / Officer session "
                    + "cookie of the standalone host, set by the OpenID Connect sign-in at /auth/sign-in.",
            },
            [OfficerEntraId] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Cán bộ đăng nhập bằng Microsoft Entra ID trên Azure. / On Azure: App Service Authentication "
                    + "(Microsoft Entra ID) — an access token for audience api://<client id>, or the browser's session "
                    + "cookie after /.auth/login/aad; the platform passes the officer to the API.",
            },
            [LinkAccessToken] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Access-Token",
                Description = "Mã truy cập của đường liên kết gửi riêng cho đơn vị chủ trì (nhập số liệu báo cáo). "
                    + "/ The secret of a link sent to one lead unit for one report run (its input page); in this header only.",
            },
            [EnterpriseAccessToken] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = GetApplicationHandler.AccessTokenHeader,
                Description = "Mã truy cập hồ sơ của doanh nghiệp (trả về khi nộp hồ sơ, trong đường liên kết gửi qua e-mail). "
                    + "/ The enterprise's secret for one application, returned by the submission and carried by the link "
                    + "in its e-mails; in this header only (?access= in a URL is refused).",
            },
        };
        document.Tags = new HashSet<OpenApiTag>(
            document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).Select(name => new OpenApiTag { Name = name }));
    }

    static void Secure(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var callers = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiCallers>().LastOrDefault()?.Callers ?? ApiCaller.Anyone;
        if (callers == ApiCaller.Anyone)
        {
            return;
        }

        if (callers == ApiCaller.LinkHolder)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(LinkAccessToken, context.Document)] = [] }];
            return;
        }

        var schemes = new List<string> { OfficerSignIn, OfficerEntraId };
        if (callers == ApiCaller.EnterpriseOrOfficer)
        {
            schemes.Add(EnterpriseAccessToken);
        }

        // Any one of them (OpenAPI: alternatives are separate requirements).
        operation.Security = schemes
            .Select(name => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(name, context.Document)] = [] })
            .ToList();
    }

    static void DescribeProblem(OpenApiSchema schema)
    {
        schema.Description = "Lỗi (RFC 9457). / An error: a stable `code` for programs, Vietnamese `title`/`detail` for people.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties[ApiProblem.CodeKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Mã lỗi ổn định (tiếng Anh). / Stable English error code, e.g. validation_failed, not_found, unauthorized.",
        };
        schema.Properties[ApiProblem.ErrorsKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Lỗi theo trường. / Field errors.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string>(["field", "code", "message"]),
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "JSON path of the field." },
                    ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable error code of the field." },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Vietnamese message." },
                },
            },
        };
        schema.Properties[ApiProblem.ContextKey] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Thông tin kèm theo (ví dụ các thao tác được phép). / What the caller needs to go on, e.g. the allowed actions.",
        };
        schema.Examples = [JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc4918#section-11.2","title":"Hồ sơ chưa hợp lệ","status":422,"detail":"Vui lòng sửa các trường được nêu và gửi lại.","code":"validation_failed","errors":[{"field":"contactEmail","code":"invalid_format","message":"Email liên hệ không đúng định dạng, ví dụ: ten@congty.vn."}]}""")!];
    }
}

/// <summary>Who may call an endpoint (endpoint metadata): what the OpenAPI document states as its security.</summary>
public enum ApiCaller
{
    /// <summary>Anyone (public).</summary>
    Anyone,

    /// <summary>A signed-in officer (roles and unit checked by the handler).</summary>
    Officer,

    /// <summary>The enterprise with its access token for the application, or an officer.</summary>
    EnterpriseOrOfficer,

    /// <summary>The holder of a secret link sent to one party (a lead unit for a report run), its token in <c>X-Access-Token</c>.</summary>
    LinkHolder,
}

/// <summary>Endpoint metadata: <see cref="ApiCaller"/>.</summary>
public sealed record ApiCallers(ApiCaller Callers);

/// <summary><c>.For(ApiCaller.Officer)</c> on an endpoint.</summary>
public static class ApiCallerExtensions
{
    public static TBuilder For<TBuilder>(this TBuilder builder, ApiCaller callers)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiCallers(callers));
}
