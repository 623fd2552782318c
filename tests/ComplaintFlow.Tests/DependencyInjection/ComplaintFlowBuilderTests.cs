using ComplaintFlow.Storage;
using ComplaintFlow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.DependencyInjection;

public sealed class ComplaintFlowBuilderTests
{
    [Fact]
    public async Task DecorateStore_TwoDecorators_WrapTheChosenStoreInOrder_AndTheDeskSavesThroughThem()
    {
        var inner = new TrackedStore(new InMemoryComplaintStore());
        var calls = new List<string>();
        using var provider = new ServiceCollection().AddComplaintFlow()
            .UseStore(_ => inner)
            .DecorateStore((store, _) => new NamedStore("first", store, calls))
            .DecorateStore((store, _) => new NamedStore("second", store, calls))
            .Services.BuildServiceProvider(validateScopes: true);

        var outer = provider.GetRequiredService<IComplaintStore>();
        await provider.GetRequiredService<IComplaintDesk>().OpenAsync(new OpenComplaint { CustomerRef = "c-1", Summary = "Late parcel", Channel = Channel.Email, Actor = Actors.Agent });

        outer.Should().BeOfType<NamedStore>().Which.Name.Should().Be("second");
        outer.Decorated.Should().BeOfType<NamedStore>().Which.Decorated.Should().BeSameAs(inner);
        calls.Should().Equal("second", "first");
    }

    [Fact]
    public void DecorateStore_WhenTheContainerIsDisposed_DisposesTheWrappedStore()
    {
        var inner = new TrackedStore(new InMemoryComplaintStore());
        var provider = new ServiceCollection().AddComplaintFlow()
            .UseStore(_ => inner)
            .DecorateStore((store, _) => new NamedStore("logging", store, []))
            .Services.BuildServiceProvider();
        _ = provider.GetRequiredService<IComplaintStore>();

        provider.Dispose();

        inner.Disposed.Should().BeTrue("the container created the wrapped store, so it disposes it");
    }

    [Fact]
    public void DecorateStore_ADecoratorThatReturnsNull_IsRefusedWithAClearMessage()
    {
        using var provider = new ServiceCollection().AddComplaintFlow().DecorateStore((_, _) => null!).Services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IComplaintStore>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*decorator returned null*");
    }

    [Fact]
    public void DecorateStore_ADecoratorThatHidesTheReportTables_IsRefusedWhenTheStoreIsBuilt()
    {
        // Without Decorated the SQLite store's report tables would silently fall behind every save (PR-21).
        var folder = Directory.CreateTempSubdirectory("complaintflow-decorate-").FullName;
        try
        {
            using var provider = new ServiceCollection().AddComplaintFlow()
                .UseSqlite($"Data Source={Path.Combine(folder, "c.db")};Pooling=false")
                .DecorateStore((store, _) => new Undeclared(store))
                .Services.BuildServiceProvider();

            var act = () => provider.GetRequiredService<IComplaintStore>();

            act.Should().Throw<InvalidOperationException>().WithMessage("*Undeclared*report tables*IComplaintStore.Decorated*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void DecorateStore_AStoreRegisteredAsAnInstance_IsWrappedAsIs()
    {
        var inner = new InMemoryComplaintStore();
        var services = new ServiceCollection();
        services.AddComplaintFlow();
        services.AddSingleton<IComplaintStore>(inner);
        services.AddComplaintFlow().DecorateStore((store, _) => new NamedStore("logging", store, []));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IComplaintStore>().Decorated.Should().BeSameAs(inner);
    }

    [Fact]
    public void DecorateStore_AStoreThatIsNotASingleton_IsRefused()
    {
        var services = new ServiceCollection();
        var builder = services.AddComplaintFlow();
        services.AddTransient<IComplaintStore, InMemoryComplaintStore>();

        var act = () => builder.DecorateStore((store, _) => store);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Transient*singleton*");
    }

    private sealed class Undeclared(IComplaintStore inner) : DelegatingStore(inner)
    {
        public override IComplaintStore? Decorated => null;
    }

    private sealed class NamedStore(string name, IComplaintStore inner, List<string> calls) : DelegatingStore(inner)
    {
        public string Name => name;

        public override ValueTask SaveAsync(ComplaintChange change, CancellationToken cancellationToken = default)
        {
            calls.Add(name);
            return base.SaveAsync(change, cancellationToken);
        }
    }

    private sealed class TrackedStore(IComplaintStore inner) : DelegatingStore(inner), IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
