using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;

namespace ComplaintFlow.Tests.Serialization;

/// <summary>
/// Builds an instance of any command, event or record of the model with every member set to a non-default value, by
/// reflection, so a test can cover every type without a hand-written sample that a new member would silently miss.
/// </summary>
internal static class SampleValues
{
    private static readonly DateTimeOffset When = new(2026, 3, 2, 10, 30, 0, TimeSpan.Zero);

    public static object Of(Type type, int depth = 0)
    {
        if (depth > 6)
        {
            throw new InvalidOperationException($"Sample of {type} nests too deeply.");
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Of(inner, depth);
        }

        if (type == typeof(string))
        {
            return "sample-text";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return Convert.ChangeType(2, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(decimal))
        {
            return 12.5m;
        }

        if (type == typeof(double))
        {
            return 0.5;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            return When;
        }

        if (type == typeof(DateOnly))
        {
            return new DateOnly(2026, 3, 2);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.FromHours(3);
        }

        if (type == typeof(ComplaintId))
        {
            return ComplaintId.Parse("01950000-0000-7000-8000-000000000001");
        }

        if (type == typeof(Money))
        {
            return new Money(12.5m, "GBP");
        }

        if (type == typeof(Actor))
        {
            return new Actor("a-1", "Sam Agent", "agent") { Roles = ["quality-review"], Team = "retention" };
        }

        if (type == typeof(JsonElement))
        {
            return JsonSerializer.SerializeToElement(new { reference = "LF-1" });
        }

        if (type == typeof(object))
        {
            throw new InvalidOperationException("An object-typed member has no JSON sample; set it by hand.");
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length > 1 ? 1 : 0)!;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            var element = Of(type.GetGenericArguments()[0], depth + 1);
            var create = typeof(ImmutableArray).GetMethods().Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters().Length == 1 && !m.GetParameters()[0].ParameterType.IsArray && !m.GetParameters()[0].ParameterType.IsGenericType);
            return create.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [element])!;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>))
        {
            return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("key", "value")]);
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"No sample for collection type {type}.");
        }

        return Record(type, depth);
    }

    private static object Record(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Of(p.ParameterType, depth + 1)).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null
                && !constructor.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)))
            {
                property.SetValue(instance, Of(property.PropertyType, depth + 1));
            }
        }

        return instance;
    }
}
