using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using NsclWorkflows.Domain.Aggregates;
using NsclWorkflows.Domain.Applications;
using NsclWorkflows.Domain.Catalogue;
using NsclWorkflows.Domain.Targets;

namespace NsclWorkflows.Infrastructure.Storage;

/// <summary>
/// <see cref="IProgrammeAggregates"/> in Table storage (table <see cref="TableNames.ProgrammeAggregates"/>): one partition
/// per catalogue version, so a catalogue that counts differently starts from empty counters. In it:
/// <c>a|{application id}</c> what the application contributes now (<see cref="TargetRecord"/>); <c>c|{kind}|{year}|{status}</c>
/// tallies; <c>e|{target}|{enterprise}</c> an enterprise's years for a target counted in enterprises, and
/// <c>p|{target}</c> that target's (first year reached, first year waiting) counts; <c>m|state</c> whether every
/// application has been applied. Applying an application reads its contribution row and the rows the change touches,
/// then writes them all in one entity-group transaction with their ETags: the counters always equal the sum of the
/// contribution rows, and a replay (same state) writes nothing. Readers get a few rows per kind and target.
/// </summary>
public sealed class TableProgrammeAggregates(TableClientFactory tables, ProgrammeCatalogue catalogue) : IProgrammeAggregates
{
    const int MaxAttempts = 60;
    const string StateRow = "m|state";

    readonly string partition = "v-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(catalogue.Version)))[..16];
    readonly IReadOnlyList<(ProgrammeTarget Target, IReadOnlySet<string> Kinds)> enterpriseTargets = ProgrammeCounters.EnterpriseTargets(catalogue);

    public async Task ApplyAsync(Application application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var table = await tables.GetAsync(TableNames.ProgrammeAggregates, cancellationToken);
        var now = TargetRecord.Of(application);
        for (var attempt = 1; ; attempt++)
        {
            var contributionRow = await FindAsync(table, "a|" + application.Id, cancellationToken);
            var old = contributionRow is null ? null : ReadContribution(contributionRow);
            if (old == now)
            {
                return; // this state is counted already
            }

            var rows = new Dictionary<string, TableEntity?>(StringComparer.Ordinal);
            var tallyKeys = new[] { old, now }.OfType<TargetRecord>().Select(r => "c|" + ProgrammeCounters.TallyKey(r.KindId, r.Year, r.Status)).Distinct().ToList();
            var touched = enterpriseTargets
                .Select(t => (t.Target, Old: ClassOf(t, old), New: ClassOf(t, now)))
                .Where(t => t.Old is not null || t.New is not null)
                .ToList();
            var keys = tallyKeys
                .Concat(touched.SelectMany(t => new[] { "p|" + t.Target.Id }
                    .Concat(new[] { old, now }.OfType<TargetRecord>().Select(r => $"e|{t.Target.Id}|{SafeKey(ProgrammeCounters.EnterpriseOf(r.EnterpriseCode))}"))))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var found = await Task.WhenAll(keys.Select(async k => (k, row: await FindAsync(table, k, cancellationToken))));
            foreach (var (k, row) in found)
            {
                rows[k] = row;
            }

            var writes = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            var deletes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (record, sign) in new[] { (old, -1), (now, 1) })
            {
                if (record is null)
                {
                    continue;
                }

                var key = "c|" + ProgrammeCounters.TallyKey(record.KindId, record.Year, record.Status);
                var tally = writes.TryGetValue(key, out var pending) ? ReadTally(pending) : ReadTally(rows[key]);
                writes[key] = TallyEntity(key, new Tally(tally.Count + sign, tally.Weight + (sign * ProgrammeCounters.Weight(record))));
            }

            foreach (var (target, oldClass, newClass) in touched)
            {
                var pairKey = "p|" + target.Id;
                var pairs = ReadPairs(rows[pairKey]);
                var enterprises = new Dictionary<string, EnterpriseYears>(StringComparer.Ordinal);
                EnterpriseYears Years(string key) => enterprises.TryGetValue(key, out var y) ? y : enterprises[key] = ReadYears(rows[key]);
                var before = new Dictionary<string, (int?, int?)>(StringComparer.Ordinal);
                foreach (var (record, cls, sign) in new[] { (old, oldClass, -1), (now, newClass, 1) })
                {
                    if (record is null || cls is null)
                    {
                        continue;
                    }

                    var key = $"e|{target.Id}|{SafeKey(ProgrammeCounters.EnterpriseOf(record.EnterpriseCode))}";
                    var years = Years(key);
                    if (!before.ContainsKey(key))
                    {
                        before[key] = ProgrammeCounters.PairOf(years);
                    }

                    years.Add(cls.Value, record.Year, sign);
                }

                foreach (var (key, pairBefore) in before)
                {
                    var years = enterprises[key];
                    Shift(pairs, pairBefore, -1);
                    Shift(pairs, ProgrammeCounters.PairOf(years), 1);
                    if (years.IsEmpty)
                    {
                        deletes.Add(key);
                    }
                    else
                    {
                        writes[key] = new TableEntity(partition, key) { ["Years"] = JsonSerializer.Serialize(years) };
                    }
                }

                writes[pairKey] = new TableEntity(partition, pairKey) { ["Pairs"] = JsonSerializer.Serialize(pairs) };
            }

            var actions = new List<TableTransactionAction>();
            foreach (var (key, entity) in writes)
            {
                actions.Add(rows[key] is { } read
                    ? new(TableTransactionActionType.UpdateReplace, entity, read.ETag)
                    : new(TableTransactionActionType.Add, entity));
            }

            actions.AddRange(deletes.Where(k => rows[k] is not null).Select(k => new TableTransactionAction(TableTransactionActionType.Delete, rows[k]!, rows[k]!.ETag)));
            var contribution = ContributionEntity(application.Id, now);
            actions.Add(contributionRow is null
                ? new(TableTransactionActionType.Add, contribution)
                : new(TableTransactionActionType.UpdateReplace, contribution, contributionRow.ETag));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // Another application's step changed a shared counter between our read and write: read again.
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(0, Math.Min(250, 4 << Math.Min(attempt, 6)) + 1)), cancellationToken);
            }
        }
    }

    public async Task<bool> IsCompleteAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProgrammeAggregates, cancellationToken);
        return await FindAsync(table, StateRow, cancellationToken) is { } state && state.GetBoolean("Complete") == true;
    }

    public async Task MarkCompleteAsync(int applications, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProgrammeAggregates, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(partition, StateRow)
        {
            ["Complete"] = true,
            ["CatalogueVersion"] = catalogue.Version,
            ["Applications"] = applications,
            ["CompletedAtUtc"] = DateTimeOffset.UtcNow,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<TargetProgress>?> TargetProgressAsync(int? asOfYear, IReadOnlyList<Domain.Activities.ProgrammeActivity>? activities,
        CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ProgrammeAggregates, cancellationToken);
        var stateTask = FindAsync(table, StateRow, cancellationToken);
        var talliesTask = RangeAsync(table, "c|", cancellationToken);
        var pairsTask = RangeAsync(table, "p|", cancellationToken);
        if (await stateTask is not { } state || state.GetBoolean("Complete") != true)
        {
            return null;
        }

        var tallies = (await talliesTask).ToDictionary(r => r.RowKey[2..], ReadTally, StringComparer.Ordinal);
        var pairs = (await pairsTask).ToDictionary(r => r.RowKey[2..], r => (IReadOnlyDictionary<string, int>)ReadPairs(r), StringComparer.Ordinal);
        return ProgrammeCounters.Progress(catalogue, tallies, pairs, asOfYear, activities);
    }

    static char? ClassOf((ProgrammeTarget Target, IReadOnlySet<string> Kinds) target, TargetRecord? record) =>
        record is not null && target.Kinds.Contains(record.KindId) ? ProgrammeCounters.ClassFor(target.Target, record.Status) : null;

    static void Shift(Dictionary<string, int> pairs, (int? Reached, int? Waiting) pair, int delta)
    {
        if (pair is (null, null))
        {
            return;
        }

        var key = ProgrammeCounters.PairKey(pair);
        var value = pairs.GetValueOrDefault(key) + delta;
        if (value == 0)
        {
            pairs.Remove(key);
        }
        else
        {
            pairs[key] = value;
        }
    }

    async Task<TableEntity?> FindAsync(TableClient table, string rowKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    async Task<List<TableEntity>> RangeAsync(TableClient table, string prefix, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    static TargetRecord ReadContribution(TableEntity row) => new(
        row.GetString("ApplicationId"), row.GetString("EnterpriseCode"), row.GetString("KindId"),
        Enum.Parse<ApplicationStatus>(row.GetString("Status")), row.GetInt32("Year") ?? 0, row.GetInt32("Persons") ?? 1);

    TableEntity ContributionEntity(string applicationId, TargetRecord record) => new(partition, "a|" + applicationId)
    {
        ["ApplicationId"] = record.ApplicationId,
        ["EnterpriseCode"] = record.EnterpriseCode,
        ["KindId"] = record.KindId,
        ["Status"] = record.Status.ToString(),
        ["Year"] = record.Year,
        ["Persons"] = record.Persons,
    };

    static Tally ReadTally(TableEntity? row) => row is null ? new Tally(0, 0) : new Tally(row.GetInt32("Count") ?? 0, row.GetInt32("Weight") ?? 0);

    TableEntity TallyEntity(string key, Tally tally) => new(partition, key) { ["Count"] = tally.Count, ["Weight"] = tally.Weight };

    static Dictionary<string, int> ReadPairs(TableEntity? row) =>
        row?.GetString("Pairs") is { Length: > 0 } json ? JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [] : [];

    static EnterpriseYears ReadYears(TableEntity? row) =>
        row?.GetString("Years") is { Length: > 0 } json ? JsonSerializer.Deserialize<EnterpriseYears>(json) ?? new EnterpriseYears() : new EnterpriseYears();

    /// <summary>Enterprise codes are digits and '-'; anything a row key cannot hold is replaced.</summary>
    static string SafeKey(string value) => new([.. value.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c)]);
}
