using Microsoft.Extensions.Logging;

namespace NsclWorkflows.Infrastructure.Storage;

static partial class BudgetLedgerLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug,
        Message = "Budget ledger {Partition}: movement {MovementId} lost a write race (HTTP {Status}), attempt {Attempt}; re-reading")]
    public static partial void Conflict(ILogger logger, string partition, string movementId, int status, int attempt);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information,
        Message = "Budget ledger {Partition}: {Kind} {AmountVnd} VND for application {ApplicationId} ({MovementId}) applied after {Attempt} attempt(s)")]
    public static partial void Applied(ILogger logger, string partition, NsclWorkflows.Domain.Budget.BudgetMovementKind kind, long amountVnd, string applicationId, string movementId, int attempt);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information,
        Message = "Budget ledger {Partition}: movement {MovementId} refused ({Code})")]
    public static partial void Refused(ILogger logger, string partition, string movementId, string code);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information,
        Message = "Budget ledger {Partition}: movement {MovementId} already applied; replay moves nothing")]
    public static partial void Replayed(ILogger logger, string partition, string movementId);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning,
        Message = "Budget ledger {Partition}: movement {MovementId} gave up after {Attempts} conflicting attempts")]
    public static partial void GaveUp(ILogger logger, string partition, string movementId, int attempts);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information,
        Message = "Budget ledger {Partition}: allocation {Kind} {AmountVnd} VND ({EntryId}) recorded after {Attempt} attempt(s); ceiling now {CeilingVnd} VND")]
    public static partial void Allocated(ILogger logger, string partition, NsclWorkflows.Domain.Budget.AllocationKind kind, long amountVnd, long ceilingVnd, string entryId, int attempt);
}
