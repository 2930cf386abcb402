using System.Security.Cryptography;
using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace BackOffice.Web.Commands;

/// <summary>
/// <c>create-user &lt;name&gt; --role Supervisor [--display-name "Dana Whitfield"] [--email …]</c>: the first supervisor on
/// a new installation (no demo accounts), or any account from a script. Prompts for the password (twice, not echoed)
/// when run at a terminal; otherwise generates a strong one and prints it once. The staff database is brought up to
/// date and its roles made first, so it works before the app has ever started.
/// </summary>
public static class CreateUserCommand
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";

    public static async Task<int> RunAsync(IServiceProvider services, string userName, IConfiguration options, TextWriter output,
        Func<string?>? readSecret = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var role = StaffRoles.All.FirstOrDefault(r => string.Equals(r, options["role"], StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            output.WriteLine($"Give the account's role with --role: one of {string.Join(", ", StaffRoles.All)}.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffIdentityInitializer>().InitializeAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            output.WriteLine($"An account named {userName} exists already; change it on the staff Users page.");
            return 1;
        }

        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = options["display-name"] ?? userName,
            Email = string.IsNullOrWhiteSpace(options["email"]) ? null : options["email"]!.Trim(),
            LockoutEnabled = true,
        };
        var generated = readSecret is null;
        var password = generated ? Generate(20) : AskTwice(readSecret!, output);
        if (password is null) return 1;

        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) output.WriteLine(error.Description);
            if (await users.FindByNameAsync(userName) is { } half) await users.DeleteAsync(half);
            return 1;
        }

        output.WriteLine($"Created {userName} with the role {role}.");
        if (generated) output.WriteLine($"Password (shown once; sign in and change it on the staff pages): {password}");
        return 0;
    }

    /// <summary>Reads the password without echo at a terminal; null when there is no terminal to ask (scripts get a generated one).</summary>
    public static Func<string?>? TerminalReader() => Console.IsInputRedirected ? null : ReadHidden;

    private static string? AskTwice(Func<string?> read, TextWriter output)
    {
        output.Write("Password (at least 12 characters): ");
        var first = read();
        output.Write("Password again: ");
        var second = read();
        if (string.IsNullOrEmpty(first) || first != second)
        {
            output.WriteLine("The two passwords differ (or are empty); nothing was created.");
            return null;
        }

        return first;
    }

    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; continue; }
            text.Append(key.KeyChar);
        }

        Console.WriteLine();
        return text.ToString();
    }

    // Drawn again until it has every kind of character the password policy asks for (a draw of 20 almost always does).
    private static string Generate(int length)
    {
        while (true)
        {
            var password = string.Create(length, 0, (span, _) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            });
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit) && password.Any(c => !char.IsLetterOrDigit(c)))
                return password;
        }
    }
}
