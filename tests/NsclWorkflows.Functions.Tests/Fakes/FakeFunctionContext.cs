using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace NsclWorkflows.Functions.Tests.Fakes;

/// <summary>Just enough of a function invocation for the activity wrappers: its services.</summary>
sealed class FakeFunctionContext(IServiceProvider services) : FunctionContext
{
    public override string InvocationId => "test-invocation";

    public override string FunctionId => "test-function";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    /// <summary>Set where the code under test reads it (a middleware logging the function's name).</summary>
    public FunctionDefinition? Definition { get; init; }

    public override FunctionDefinition FunctionDefinition => Definition ?? throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();
}

/// <summary>A function's definition with a name and no bindings.</summary>
sealed class FakeFunctionDefinition(string name) : FunctionDefinition
{
    public override System.Collections.Immutable.ImmutableArray<FunctionParameter> Parameters => [];

    public override string PathToAssembly => typeof(FakeFunctionDefinition).Assembly.Location;

    public override string EntryPoint => name;

    public override string Id => name;

    public override string Name => name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings => System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings => System.Collections.Immutable.ImmutableDictionary<string, BindingMetadata>.Empty;
}
