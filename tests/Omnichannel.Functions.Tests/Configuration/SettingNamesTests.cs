using Omnichannel.Hosting.Configuration;

namespace Omnichannel.Functions.Tests.Configuration;

public sealed class SettingNamesTests
{
    [Theory]
    [InlineData("Orders", "AlertsQueue", "Orders__AlertsQueue")]
    [InlineData("Channels:Ingestion", "DeliveryQueue", "Channels__Ingestion__DeliveryQueue")]
    [InlineData("AzureFunctionsJobHost:extensions:durableTask", "storageProvider:partitionCount", "AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount")]
    public void AppSetting_SectionAndName_DoubleUnderscoreForEveryColon(string section, string name, string expected)
    {
        Assert.Equal(expected, SettingNames.AppSetting(section, name));
    }

    [Fact]
    public void AppSetting_Path_DoubleUnderscoreForEveryColon()
    {
        Assert.Equal("Orders__Fulfilment__wh__Url", SettingNames.AppSetting("Orders:Fulfilment:wh:Url"));
    }
}
