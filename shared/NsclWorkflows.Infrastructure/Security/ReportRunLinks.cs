using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NsclWorkflows.Domain.Reports;

namespace NsclWorkflows.Infrastructure.Security;

/// <summary>
/// Lead units' secret links to a report run's input page: HMAC-SHA256 of (run, unit) under the access-link key
/// (<see cref="AccessTokenOptions.SigningKey"/>), like the enterprises' links, so the run's workflow can e-mail the
/// link it was opened with without the token ever being stored or passing through workflow history. Never logged.
/// </summary>
public sealed class ReportRunLinks(IOptions<AccessTokenOptions> options) : IReportRunLinks
{
    public string Token(string runId, string unitId)
    {
        var key = options.Value.SigningKey;
        if (string.IsNullOrWhiteSpace(key) || key.Length < 32)
        {
            throw new InvalidOperationException($"Setting {AccessTokenOptions.Section}:SigningKey must hold at least 32 characters.");
        }

        return Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"report-run-input:{runId}:{unitId}")));
    }

    public string InputPage(string runId, string unitId) =>
        $"/don-vi/bao-cao.html#run={Uri.EscapeDataString(runId)}&unit={Uri.EscapeDataString(unitId)}&access={Token(runId, unitId)}";
}
