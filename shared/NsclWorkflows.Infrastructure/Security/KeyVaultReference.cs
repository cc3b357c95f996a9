namespace NsclWorkflows.Infrastructure.Security;

/// <summary>
/// App Service replaces an app setting <c>@Microsoft.KeyVault(SecretUri=…)</c> with the secret's value. When it cannot
/// (the identity lacks Key Vault Secrets User, <c>keyVaultReferenceIdentity</c> names another identity, the secret is
/// missing), the app receives the reference text itself, which must never be used as a secret.
/// </summary>
public static class KeyVaultReference
{
    const string Prefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public static string UnresolvedMessage(string setting) =>
        $"Setting {setting} is still an unresolved Key Vault reference ({Prefix}…): App Service could not read the secret. "
        + "Check that the secret exists, that the app's managed identity holds Key Vault Secrets User on the vault, and that "
        + "the site's keyVaultReferenceIdentity is that identity; then restart the app.";
}
