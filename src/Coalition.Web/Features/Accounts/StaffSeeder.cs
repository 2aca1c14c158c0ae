using System.Security.Cryptography;
using Coalition.Data.Entities;
using Coalition.Web.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coalition.Web.Features.Accounts;

/// <summary>Creates the roles, and the first Administrator while no staff account exists.</summary>
public sealed partial class StaffSeeder(
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> adminOptions,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<StaffSeeder> logger)
{
    public const string DevelopmentAdminEmail = "admin@example.org";

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All.Concat(Roles.Permissions))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }

        if (users.Users.Any())
        {
            return;
        }

        var email = adminOptions.Value.Email?.Trim();
        var password = adminOptions.Value.Password;
        var generated = false;
        if (string.IsNullOrEmpty(email) && string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                LogNoStaff(logger);
                return;
            }

            email = DevelopmentAdminEmail;
            password = GeneratePassword();
            generated = true;
        }
        else if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("Admin:Email and Admin:Password must be set together to create the first Administrator.");
        }

        var admin = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(admin, password), "create the first Administrator from Admin:Email and Admin:Password");
        Check(await users.AddToRoleAsync(admin, Roles.Administrator), "give the first account the Administrator role");

        if (generated)
        {
            // Shown once so that a new developer can sign in after `dotnet run`; the account should change it.
            LogGeneratedAdmin(logger, email, password);
        }
        else
        {
            LogCreatedAdmin(logger);
        }
    }

    /// <summary>24 characters from a 56-letter alphabet without look-alikes: about 139 bits.</summary>
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No staff account exists. Set Admin__Email and Admin__Password to create the first Administrator")]
    private static partial void LogNoStaff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first Administrator from configuration")]
    private static partial void LogCreatedAdmin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: created the first Administrator {Email} with the generated password {Password} (shown only this once; change it after signing in)")]
    private static partial void LogGeneratedAdmin(ILogger logger, string email, string password);
}
