using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NsclWorkflows.Domain.Budget;
using NsclWorkflows.Functions.Durable;
using NsclWorkflows.Functions.Http;
using NsclWorkflows.Infrastructure.Storage;
using NsclWorkflows.Workflows;

namespace NsclWorkflows.Functions.Tests;

/// <summary>What the Functions worker builds per invocation can be built from the shared composition alone.</summary>
public sealed class CompositionTests
{
    /// <summary>Every class of the Functions app that declares an HTTP function (found by reflection, so a new one is covered).</summary>
    public static TheoryData<Type> HttpFunctionClasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(HealthFunctions).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetMethods().Any(m => m.GetParameters().Any(p => p.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.HttpTriggerAttribute), false).Length > 0))))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HttpFunctionClasses))]
    public void HttpFunctionClass_FromSharedComposition_IsConstructed(Type functionClass)
    {
        using var services = TestComposition.Services();

        Assert.NotNull(ActivatorUtilities.CreateInstance(services, functionClass));
    }

    [Fact]
    public void EveryActivity_FromSharedComposition_IsConstructed()
    {
        using var services = TestComposition.Services();
        // The activities that start orchestrations get the durable client from their function's binding, as WorkflowFunctions does.
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress("http://127.0.0.1:1");
        var client = new Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClient("composition",
            new Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions { Channel = channel },
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.All(WorkflowRegistration.Activities, type => Assert.NotNull(
            type.GetConstructors().Single().GetParameters().Any(p => p.ParameterType == typeof(Microsoft.DurableTask.Client.DurableTaskClient))
                ? ActivatorUtilities.CreateInstance(services, type, client)
                : ActivatorUtilities.CreateInstance(services, type)));
    }

    [Fact]
    public void BudgetLedger_FromSharedComposition_IsTheTableLedgerOverTheCataloguePlan()
    {
        using var services = TestComposition.Services();

        Assert.IsType<TableBudgetLedger>(services.GetRequiredService<IBudgetLedger>());
        var plan = services.GetRequiredService<BudgetPlan>();
        Assert.Equal(800_000_000L, plan.PlanVnd(new BudgetKey("IV.1", 2025)));
    }

    [Fact]
    public void BudgetAllocations_FromSharedComposition_AreKeptByTheLedgerInUse()
    {
        using var services = TestComposition.Services();

        // One instance: allocations are written with the balances they set the ceilings of.
        Assert.Same(services.GetRequiredService<IBudgetLedger>(), services.GetRequiredService<IBudgetAllocations>());
    }

    [Fact]
    public void FunctionActivityContext_Always_CarriesNameAndInstanceId()
    {
        var context = new FunctionActivityContext("SomeActivity", "instance-1");

        Assert.Equal("SomeActivity", context.Name.Name);
        Assert.Equal("instance-1", context.InstanceId);
    }

    [Fact]
    public async Task ResultActionResult_Executed_WritesTheHandlersResponse()
    {
        using var services = TestComposition.Services();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var action = new ResultActionResult(Results.Json(new { ok = true }, statusCode: StatusCodes.Status202Accepted));

        await action.ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal(StatusCodes.Status202Accepted, http.Response.StatusCode);
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
    }
}
