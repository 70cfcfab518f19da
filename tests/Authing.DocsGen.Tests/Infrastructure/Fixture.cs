namespace Authing.DocsGen.Tests.Infrastructure;

/// <summary>Small pages written inline, for tests where the page text matters more than a file.</summary>
public static class Fixture
{
    public const string WidgetPage = """
        # 获取部件

        获取一个部件的详情。

        ## 请求参数

        | 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:60px">默认值</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |
        | ---- | ---- | ---- | ---- | ---- | ---- |
         | widgetId | string  | 是 | - | 部件 ID。   | `w_01` |
         | withParts | boolean  | 否 | false | 是否返回零件。   | `true` |
         | tags | string[]  | 否 | - | 标签。   | `["a"]` |

        ## 请求响应

        类型： `GetWidgetRespDto`

        | 名称 | 类型 | 描述 |
        | ---- | ---- | ---- |
        | statusCode | number | 业务状态码。 |
        | message | string | 描述信息 |
        | apiCode | number | 细分错误码。 |
        | requestId | string | 请求 ID。 |
        | data | <a href="#WidgetDto">WidgetDto</a> | 响应数据 |

        ## 数据结构

        ### <a id="WidgetDto"></a> WidgetDto

        | 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |
        | ---- |  ---- | ---- | ---- | ---- |
        | id | string | 是 | 部件 ID   |  `w_01` |
        | createdAt | number | 是 | 创建时间（毫秒）   |  `1700000000000` |
        | status | string | 否 | 状态：<br>- `Activated`: 已启用<br>- `Suspended`: 已停用<br>   |  `Activated` |

        """;
}
