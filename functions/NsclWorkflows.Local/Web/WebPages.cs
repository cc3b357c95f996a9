using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace NsclWorkflows.Local.Web;

/// <summary>
/// The web pages (the repository's <c>web/</c> folder, copied to <c>wwwroot/</c> beside the host) as static files, with
/// the headers that keep them safe: a Content-Security-Policy without inline script, no MIME sniffing, no framing, and
/// <c>Referrer-Policy: no-referrer</c> (the status page's URL carries the enterprise's secret in its fragment; no URL of
/// ours should ever leak in a Referer).
/// </summary>
public static class WebPages
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static string Root => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static WebApplication UseNsclWebPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // API and dev responses get the two headers that never hurt; pages also get their CSP (below).
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });

        if (!Directory.Exists(Root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(Root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.CacheControl = "no-cache";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    headers.ContentType = "text/html; charset=utf-8";
                }
            },
        });
        return app;
    }
}
