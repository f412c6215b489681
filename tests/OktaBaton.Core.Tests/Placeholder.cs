namespace OktaBaton.Core.Tests;
