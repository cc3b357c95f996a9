using Azure.Data.Tables;
using NsclWorkflows.Domain.Lifecycle;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// <see cref="IActionClaims"/> in Table storage: one row per (application, version), inserted if absent — the insert
/// is the atomic claim (two inserts of one key: one succeeds, the other gets 409). An abandoned claim is taken over by
/// an ETag-conditional replace, so two takers cannot both win either.
/// </summary>
public sealed class TableActionClaims(TableClientFactory tables) : IActionClaims
{
    public async Task<bool> TryClaimAsync(string applicationId, int version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(applicationId ?? throw new ArgumentNullException(nameof(applicationId)),
            version.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)) { ["ClaimedAtUtc"] = now };
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            // Claimed already: by someone acting now (refused), or by an action that never reached the workflow.
        }

        var held = await table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
        if (!held.HasValue || held.Value!.GetDateTimeOffset("ClaimedAtUtc") is not { } at || now - at < IActionClaims.Abandoned)
        {
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(claim, held.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>One partition per application, one row per claimed version (<c>D10</c>), with when it was claimed.</summary>
    public const string TableName = "ActionClaims";
}
