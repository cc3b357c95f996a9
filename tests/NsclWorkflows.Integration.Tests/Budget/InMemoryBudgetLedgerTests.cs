using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace NsclWorkflows.Integration.Tests.Budget;

/// <summary>The orchestrator tests' fake, held to the same behaviour as the real ledger.</summary>
public class InMemoryBudgetLedgerTests(ITestOutputHelper output) : BudgetLedgerBehaviour(output)
{
    protected override Task<IBudgetLedger> NewLedgerAsync() => Task.FromResult<IBudgetLedger>(new InMemoryBudgetLedger(Plan));
}
