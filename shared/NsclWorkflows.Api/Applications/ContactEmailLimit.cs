using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NsclWorkflows.Api.Http;
using NsclWorkflows.Domain.Applications;

namespace NsclWorkflows.Api.Applications;

/// <summary>
/// No more than <see cref="RateLimitOptions.SubmissionsPerEmailPerDay"/> submissions (each sends a receipt from the
/// Department's sender) to one contact e-mail address in 24 hours, whatever address they come from: the receipt cannot
/// be made a spam or phishing relay. A replay of a counted Idempotency-Key is not counted again.
/// </summary>
public sealed class ContactEmailLimit(IContactEmailQuota quota, IOptions<RateLimitOptions> options, TimeProvider time)
{
    /// <summary>Null when the submission may go on; else the 429 to answer.</summary>
    public async Task<AbuseLimits.RetryAfterResult?> CheckAsync(string contactEmail, string idempotencyKey, CancellationToken cancellationToken)
    {
        var requestKey = idempotencyKey.Length > 0 ? "key:" + idempotencyKey : "once:" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var decision = await quota.TryCountAsync(contactEmail, requestKey, options.Value.SubmissionsPerEmailPerDay, time.GetUtcNow(), cancellationToken);
        return decision.Allowed
            ? null
            : AbuseLimits.TooMany("rate_limited_email",
                $"Địa chỉ email liên hệ này đã được dùng cho {options.Value.SubmissionsPerEmailPerDay} hồ sơ trong 24 giờ qua (mỗi hồ sơ gửi một thư xác nhận đến địa chỉ này)",
                decision.RetryAfter);
    }
}
