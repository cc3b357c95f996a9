using Microsoft.DurableTask;
using NsclWorkflows.Domain.Notifications;
using NsclWorkflows.Workflows.Common;

namespace NsclWorkflows.Workflows.Tests.Common;

/// <summary>Which e-mail failures the Durable retry policy tries again, from the failure details the worker records.</summary>
public class RetryPoliciesTests
{
    static TaskFailureDetails Failure(Exception e, TaskFailureDetails? inner = null) => new(e.GetType().FullName!, e.Message, null, inner, null);

    public static TheoryData<Exception, bool> Cases() => new()
    {
        { new TransientNotificationException("429 Too Many Requests"), true },
        { new HttpRequestException("connection refused"), true },
        { new TaskCanceledException("HttpClient.Timeout of 100 s elapsed"), true },
        { new TimeoutException(), true },
        { new InvalidOperationException("Template Receipt: no value for {TrackingCode}"), false },
        { new ArgumentException("Unknown audience"), false },
        { new NullReferenceException(), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Email_RetriesWhatMayPassByItself_NotDefects(Exception exception, bool retried)
    {
        Assert.Equal(retried, RetryPolicies.IsTransient(Failure(exception)));
    }

    [Fact]
    public void Email_StorageFailure_IsRetried()
    {
        // Azure.RequestFailedException (Table/Blob SDK), as the worker records it; neither project references Azure.Core.
        Assert.True(RetryPolicies.IsTransient(new TaskFailureDetails("Azure.RequestFailedException", "Service request failed. Status: 503", null, null, null)));
    }

    [Fact]
    public void Email_TransientCauseWrappedInAnotherException_IsRetried()
    {
        var wrapped = Failure(new InvalidOperationException("send failed"), Failure(new HttpRequestException("reset by peer")));

        Assert.True(RetryPolicies.IsTransient(wrapped));
    }
}
