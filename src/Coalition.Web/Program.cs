using Coalition.Web.Features.Operations;
using Coalition.Web.Infrastructure;

if (await CoalitionCommands.TryRunAsync(args)) return; // backup, restore: docs/operations.md

var builder = WebApplication.CreateBuilder(args);

builder.AddCoalitionLogging();
builder.AddCoalitionSite();
builder.AddCoalitionSecurity();
builder.AddCoalitionForwardedHeaders();
builder.AddCoalitionDatabase();
builder.AddCoalitionDataProtection();
builder.AddCoalitionIdentity();
builder.AddCoalitionJobs();
builder.AddCoalitionMail();
builder.AddCoalitionRedis();
builder.AddCoalitionRateLimiting();
builder.AddCoalitionLocalization();
builder.AddCoalitionPublishing();
builder.AddCoalitionPress();
builder.AddCoalitionCampaigns();
builder.AddCoalitionMvc();
builder.AddCoalitionCaching();
builder.AddCoalitionMedia();
builder.AddCoalitionLegalAid();
builder.AddCoalitionDiscovery();
builder.AddCoalitionEvents();
builder.AddCoalitionHealth();
builder.AddCoalitionMirror(args); // and export-mirror --to DIR: docs/operations.md

var app = builder.Build();
app.WarnIfPlainHttp();

app.UseCoalitionForwardedHeaders();
app.UseCoalitionSecurityHeaders();
app.UseCoalitionOnionLocation();
app.UseRequestLocalization();
app.UseCoalitionErrorPages();
app.UseCoalitionRequestLogging();
app.UseRouting();
app.UseAuthentication();
app.UseCoalitionRateLimiting();
app.UseAuthorization();
app.UseCoalitionCaching();
app.MapCoalitionRoutes();

await app.InitialiseCoalitionDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public so that the integration tests can start the app.</summary>
public partial class Program;
