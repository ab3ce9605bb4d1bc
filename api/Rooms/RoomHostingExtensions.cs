using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Infrastructure;

namespace Referral.Api.Rooms;

/// <summary>Quiz rooms in the front door: the relay, hub protocols and the REST endpoints.</summary>
public static class RoomHostingExtensions
{
    public static IHostApplicationBuilder AddReferralRooms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RoomRelay>();
        builder.Services.AddGameHubFilter<RoomDisconnectFilter>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .AddMessagePackProtocol();
        return builder;
    }

    public static IEndpointRouteBuilder MapReferralRooms(this IEndpointRouteBuilder app)
    {
        app.MapQuizApi();
        app.MapRoomsApi();
        return app;
    }
}
