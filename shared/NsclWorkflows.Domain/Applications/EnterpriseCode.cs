using System.Text.RegularExpressions;

namespace NsclWorkflows.Domain.Applications;

/// <summary>Mã số doanh nghiệp: 10 digits, or 10 digits + '-' + 3 digits for a branch or dependent unit.</summary>
public static partial class EnterpriseCode
{
    [GeneratedRegex(@"^\d{10}(-\d{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string value) => Pattern().IsMatch(value);
}
